import type { ComponentChildren, JSX } from 'preact';

interface FormProps {
  onSubmit: () => void;
  children: ComponentChildren;
  class?: string;
  'aria-label'?: string;
}

const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]), select:not([disabled])';

/**
 * Keyboard-first: Enter in a field moves to the next field, and submits from the last one; the browser's own
 * submit (and its validation bubbles) is replaced by the screen's checks.
 */
export function Form({ onSubmit, children, ...rest }: FormProps) {
  const submit = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (
      event.key !== 'Enter' ||
      !(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)
    )
      return;
    const fields = [...event.currentTarget.querySelectorAll<HTMLElement>(FIELD_SELECTOR)];
    const next = fields[fields.indexOf(target) + 1];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };
  return (
    <form noValidate onSubmit={submit} onKeyDown={onKeyDown} {...rest}>
      {children}
    </form>
  );
}
