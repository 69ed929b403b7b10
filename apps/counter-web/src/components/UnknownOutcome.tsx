import { t } from '../i18n/i18n';

interface UnknownOutcomeProps {
  checking: boolean;
  onCheckAgain: () => void;
}

/**
 * The connection dropped or the gateway could not tell: the transaction may have gone through. The only action
 * offered is to ask again with the same Idempotency-Key, never to pay a second time.
 */
export function UnknownOutcome({ checking, onCheckAgain }: UnknownOutcomeProps) {
  return (
    <div class="alert alert--warning" role="alert">
      <p>{t('error.unknownOutcome')}</p>
      <button type="button" class="button" onClick={onCheckAgain} disabled={checking}>
        {checking ? t('app.loading') : t('error.checkAgain')}
      </button>
    </div>
  );
}
