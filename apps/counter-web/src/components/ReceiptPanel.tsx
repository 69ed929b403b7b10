import { useState } from 'preact/hooks';
import { api, newIdempotencyKey } from '../api/client';
import { describeError } from '../api/describe-error';
import { t } from '../i18n/i18n';
import { ErrorMessage } from './ErrorMessage';
import { ReceiptPaper } from './ReceiptPaper';

export type ReceiptKind = 'ppob' | 'angsuran' | 'simpanan' | 'kasir' | 'rekap';

interface ReceiptPanelProps {
  kind: ReceiptKind;
  id: string;
  /** Already printed once (a reprint from the day's list): the button says so. */
  printedBefore?: boolean;
}

/**
 * One action prints: the gateway records the print (the first is the original, CA; later ones reprints, CU,
 * with the time) and answers the 32-character lines, which the browser then prints on the 58 mm roll.
 */
export function ReceiptPanel({ kind, id, printedBefore = false }: ReceiptPanelProps) {
  const [lines, setLines] = useState<string[] | null>(null);
  const [copy, setCopy] = useState<'CA' | 'CU' | null>(printedBefore ? 'CU' : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const print = async () => {
    setBusy(true);
    setError(null);
    try {
      const printed = await api.post('/api/v1/receipts/{kind}/{id}/prints', {
        path: { kind, id },
        idempotencyKey: newIdempotencyKey(),
      });
      setLines(printed.lines);
      setCopy(printed.copy);
      // After the lines are on the page, so the print shows them.
      requestAnimationFrame(() => window.print());
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="receipt-panel" aria-label={t('receipt.title')}>
      <button
        type="button"
        class="button button--primary"
        onClick={print}
        disabled={busy}
        data-testid="print-receipt"
      >
        {busy ? t('receipt.printing') : copy ? t('receipt.reprint') : t('receipt.print')}
      </button>
      <ErrorMessage message={error} />
      {lines && <ReceiptPaper lines={lines} />}
    </section>
  );
}
