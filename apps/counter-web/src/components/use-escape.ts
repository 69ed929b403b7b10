import { useLayoutEffect, useRef } from 'preact/hooks';

/** Handlers of the open screen's inner steps, newest last; Esc goes to the newest, else back in the history. */
const handlers: Array<{ current: () => void }> = [];

export function useEscape(handler: (() => void) | null): void {
  const latest = useRef(handler ?? (() => undefined));
  latest.current = handler ?? (() => undefined);
  // Before paint, not after: Esc pressed as soon as the step shows must reach it, not step back a screen.
  useLayoutEffect(() => {
    if (!handler) return;
    const entry = { current: () => latest.current() };
    handlers.push(entry);
    return () => {
      handlers.splice(handlers.indexOf(entry), 1);
    };
  }, [handler === null]);
}

/** Installed once by the app: Esc steps back a screen, or out of a screen's inner step. */
export function listenForEscape(goBack: () => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    const inner = handlers[handlers.length - 1];
    if (inner) inner.current();
    else goBack();
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
