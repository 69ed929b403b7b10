import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useEscape } from '../../components/use-escape';
import { t } from '../../i18n/i18n';

interface ConfirmPanelProps {
  id: string;
  title: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}

/**
 * A supervisor's last look before money moves: what will happen, one button to do it (focused, so Enter does
 * it) and one to step back (also Esc). While the request runs, neither can be pressed again.
 */
export function ConfirmPanel({
  id,
  title,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
  children,
}: ConfirmPanelProps) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Focused before paint, so an Enter pressed as soon as the panel shows confirms instead of going astray.
  useLayoutEffect(() => confirmButton.current?.focus(), []);
  useEscape(busy ? null : onCancel);
  return (
    <section class="card confirm-panel" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <div class="button-row">
        <button
          type="button"
          ref={confirmButton}
          class="button button--primary"
          onClick={onConfirm}
          disabled={busy}
        >
          {busy ? t('supervisor.working') : confirmLabel}
        </button>
        <button type="button" class="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
