import { useState } from 'preact/hooks';
import { api, type ApiSchemas } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { PageTitle } from '../../../components/PageTitle';
import { formatWibDateTime } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { rememberVerify } from '../shared/last-verify';
import { BooksCheck } from './BooksCheck';
import { StoreCheck } from './StoreCheck';
import { auditScopeQuery } from '../shared/audit-koperasi';

type VerifyResult = ApiSchemas['AuditVerifyResponse'];

/**
 * Verifikasi: every stream's hash chain in every store of the scope recomputed, and the books checked against
 * their journal. A break names the store, the stream and the version, linking to that event in Riwayat.
 */
export function VerifyScreen() {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.get('/api/v1/audit/verify', { query: auditScopeQuery() });
      setResult(answer);
      rememberVerify({
        ok: answer.ok,
        checkedAt: answer.checkedAt,
        koperasiCount: answer.koperasiCount,
        breaks: answer.stores.reduce((sum, store) => sum + store.breaks.length, 0),
        unavailable:
          answer.stores.filter((store) => store.status === 'unavailable').length +
          (answer.ledger?.status === 'unavailable' ? 1 : 0),
      });
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="audit-screen">
      <PageTitle>{t('audit.verify.title')}</PageTitle>
      <p class="page-intro">{t('audit.verify.intro')}</p>
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={run} disabled={busy}>
          {busy
            ? t('audit.verify.running')
            : result
              ? t('audit.verify.again')
              : t('audit.verify.run')}
        </button>
      </div>
      <ErrorMessage message={error} />
      {busy && (
        <p class="alert alert--info" role="status">
          {t('audit.verify.runningHint')}
        </p>
      )}
      {result && !busy && (
        <section aria-labelledby="verify-outcome">
          <p
            id="verify-outcome"
            class={`alert ${result.ok ? 'alert--success' : 'alert--error'}`}
            role="status"
            tabIndex={-1}
          >
            {result.ok
              ? t('audit.verify.allIntact', { count: result.koperasiCount })
              : t('audit.verify.notIntact')}
            <span class="audit-when">
              {t('audit.verify.checkedAt', { time: formatWibDateTime(result.checkedAt) })}
            </span>
          </p>
          <h2>{t('audit.verify.stores')}</h2>
          <div class="audit-checks">
            {result.stores.map((store) => (
              <StoreCheck key={store.service} store={store} />
            ))}
          </div>
          {result.ledger && <BooksCheck books={result.ledger} />}
          <section class="card" aria-labelledby="verify-kafka">
            <h2 id="verify-kafka">{t('audit.verify.kafkaTitle')}</h2>
            <p>{t('audit.verify.kafkaText')}</p>
            <a class="button" href="/audit/replay?source=kafka">
              {t('audit.verify.kafkaLink')}
            </a>
          </section>
        </section>
      )}
    </div>
  );
}
