import { useRoute } from 'preact-iso';
import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { DebitCreditCells, DebitCreditHeads } from './DebitCreditColumns';
import { PageTitle } from '../../../components/PageTitle';
import { useLoad } from '../../../components/use-load';
import { formatWibDateTime } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { serviceLabel } from '../shared/audit-words';
import { streamHref } from '../shared/history-links';
import { auditScopeQuery } from '../shared/audit-koperasi';

/** A journal entry and where it came from: the event, the request (command) behind it, the user, the receipt. */
export function EntryTraceScreen() {
  const { params } = useRoute();
  const entryId = params.entryId ?? '';
  const trace = useLoad(
    (signal) =>
      api.get('/api/v1/audit/entries/{entryId}/trace', {
        path: { entryId },
        query: auditScopeQuery(),
        signal,
      }),
    [entryId],
  );
  return (
    <div class="audit-screen">
      <PageTitle>{t('audit.trace.title', { id: entryId })}</PageTitle>
      {trace.loading && !trace.data && <p role="status">{t('app.loading')}</p>}
      <ErrorMessage message={trace.error} />
      {trace.data && (
        <>
          <section class="card" aria-labelledby="trace-entry">
            <h2 id="trace-entry">{trace.data.entry.description}</h2>
            <dl class="summary">
              <dt>{t('audit.trace.occurredAt')}</dt>
              <dd>{formatWibDateTime(trace.data.entry.occurredAt)}</dd>
              <dt>{t('audit.trace.postedAt')}</dt>
              <dd>{formatWibDateTime(trace.data.entry.postedAt)}</dd>
            </dl>
            <div class="table-wrap">
              <table class="audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.books.account')}</th>
                    <DebitCreditHeads />
                  </tr>
                </thead>
                <tbody>
                  {trace.data.entry.lines.map((line) => (
                    <tr key={line.lineNo}>
                      <td data-label={t('audit.books.account')} class="cell-ref">
                        {line.accountCode}
                      </td>
                      <DebitCreditCells debitRp={line.debit} creditRp={line.credit} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <ol class="trace-chain">
            <li class="card">
              <h2>{t('audit.trace.event')}</h2>
              {trace.data.event ? (
                <>
                  <p>
                    {trace.data.event.type} · {serviceLabel(trace.data.event.service)}
                  </p>
                  <a href={streamHref(trace.data.event.streamId, trace.data.event.streamVersion)}>
                    {t('audit.trace.openEvent', {
                      stream: trace.data.event.streamId,
                      version: trace.data.event.streamVersion,
                    })}
                  </a>
                </>
              ) : (
                <p class="alert alert--error">{t('audit.trace.eventMissing')}</p>
              )}
            </li>
            <li class="card">
              <h2>{t('audit.trace.command')}</h2>
              {trace.data.command ? (
                <dl class="summary">
                  <dt>{t('audit.trace.request')}</dt>
                  <dd class="cell-ref">
                    {trace.data.command.method} {trace.data.command.path}
                  </dd>
                  <dt>{t('audit.trace.receivedAt')}</dt>
                  <dd>{formatWibDateTime(trace.data.command.receivedAt)}</dd>
                  <dt>{t('audit.trace.idempotencyKey')}</dt>
                  <dd class="cell-ref">{trace.data.command.idempotencyKey}</dd>
                </dl>
              ) : (
                <p>{t('audit.trace.noCommand')}</p>
              )}
            </li>
            <li class="card">
              <h2>{t('audit.trace.user')}</h2>
              {trace.data.user ? (
                <p>
                  {trace.data.user.username} (
                  {t(
                    `app.role.${trace.data.user.role as 'teller' | 'supervisor' | 'auditor' | 'admin'}`,
                  )}
                  )
                </p>
              ) : (
                <p>
                  {trace.data.event
                    ? t('audit.trace.actorOnly', { actor: trace.data.event.actor })
                    : t('audit.trace.noUser')}
                </p>
              )}
            </li>
            <li class="card">
              <h2>{t('audit.trace.receipt')}</h2>
              {trace.data.receipt ? (
                <p>
                  {t(
                    `audit.trace.receipt.${trace.data.receipt.kind as 'bill-payment-receipt' | 'installment-receipt' | 'member-savings-statement-line'}`,
                    { id: trace.data.receipt.id },
                  )}
                </p>
              ) : (
                <p>{t('audit.trace.noReceipt')}</p>
              )}
            </li>
          </ol>
        </>
      )}
    </div>
  );
}
