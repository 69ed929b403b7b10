import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Money } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { useLoad } from '../../../components/use-load';
import { formatWibDateTime, formatWibDay } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { currentUser } from '../../../session/session';
import { auditKoperasiId, auditScopeQuery, isCityAuditor } from '../shared/audit-koperasi';
import { lastVerify } from '../shared/last-verify';
import { DrawersNotClosedCard } from './DrawersNotClosedCard';

/**
 * Ringkasan, the auditor's home: the last verify run in this session and what the counter of one koperasi has
 * left open (pending payments, installments not yet remitted, yesterday's PPOB reconciliation differences, cash
 * drawers not closed): the auditor's own koperasi, or the one a city auditor chose above the screen.
 */
export function AuditSummaryScreen() {
  const user = currentUser.value;
  const cityAuditor = isCityAuditor.value;
  // The counter's figures are per koperasi: a city auditor reads the one chosen above the screen.
  const needsChoice = cityAuditor && auditKoperasiId.value === null;
  const items = useLoad(
    (signal) =>
      needsChoice
        ? Promise.resolve(null)
        : api.get('/api/v1/audit/open-items', { query: auditScopeQuery(), signal }),
    [needsChoice],
  );
  const verify = lastVerify.value;
  // A city auditor's chosen koperasi is named by the answer; until then the loading line stands in.
  const koperasiName = items.data?.koperasiName ?? (cityAuditor ? null : user?.koperasiName);
  return (
    <div class="audit-screen">
      <PageTitle>{t('audit.summary.title')}</PageTitle>
      {needsChoice ? (
        <p class="page-intro">{t('audit.summary.city', { city: user?.kotaKabupaten ?? '' })}</p>
      ) : (
        koperasiName && (
          <p class="page-intro">{t('audit.summary.koperasi', { name: koperasiName })}</p>
        )
      )}
      <div class="cards">
        <section class="card" aria-labelledby="summary-verify">
          <h2 id="summary-verify">{t('audit.summary.verify')}</h2>
          {verify ? (
            <>
              <p class={`figure ${verify.ok ? 'audit-ok' : 'audit-bad'}`}>
                {verify.ok
                  ? t('audit.summary.intact')
                  : t('audit.summary.broken', { count: verify.breaks })}
              </p>
              <p class="field__hint">
                {t('audit.verify.checkedAt', { time: formatWibDateTime(verify.checkedAt) })}
              </p>
            </>
          ) : (
            <p>{t('audit.summary.noVerify')}</p>
          )}
          <a class="button" href="/audit/verifikasi">
            {t('audit.summary.toVerify')}
          </a>
        </section>
        {items.data && (
          <>
            <section class="card" aria-labelledby="summary-pending">
              <h2 id="summary-pending">{t('audit.summary.pending')}</h2>
              <p class="figure">{items.data.pendingYesterday}</p>
              <p class="field__hint">
                {t('audit.summary.pendingHint', {
                  day: formatWibDay(items.data.yesterday),
                  today: items.data.pendingToday,
                })}
              </p>
            </section>
            <section class="card" aria-labelledby="summary-unremitted">
              <h2 id="summary-unremitted">{t('audit.summary.unremitted')}</h2>
              <p class="figure">
                <Money amountRp={items.data.unremittedAmount} />
              </p>
              <p class="field__hint">
                {t('audit.summary.unremittedHint', { count: items.data.unremittedCount })}
              </p>
            </section>
            <section class="card" aria-labelledby="summary-recon">
              <h2 id="summary-recon">{t('audit.summary.reconciliation')}</h2>
              <p class="figure">{items.data.reconciliationDifferences}</p>
              <p class="field__hint">
                {t('audit.summary.reconciliationHint', { day: formatWibDay(items.data.yesterday) })}
              </p>
            </section>
            <DrawersNotClosedCard
              earlier={items.data.drawersNotClosed}
              today={items.data.drawersOpenToday}
            />
          </>
        )}
      </div>
      {items.loading && !items.data && !needsChoice && <p role="status">{t('app.loading')}</p>}
      <ErrorMessage message={items.error} />
      {needsChoice && <p class="alert alert--info">{t('audit.summary.cityNote')}</p>}
    </div>
  );
}
