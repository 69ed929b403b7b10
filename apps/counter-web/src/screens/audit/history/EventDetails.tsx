import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatWibDateTime, wibToday } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { auditScopeQuery } from '../shared/audit-koperasi';
import { serviceLabel } from '../shared/audit-words';
import { entryHref, streamHref } from '../shared/history-links';
import { wibDayBefore } from '../shared/wib-input';
import { historyHref } from './history-query';
import type { HistoryEvent } from './history-event';

/**
 * An event opened: its data exactly as stored and its metadata, and the ways on: the other events of the same
 * business action (correlation), of the same request (causation), and the journal entry it posted.
 */
export function EventDetails({ event, inStream }: { event: HistoryEvent; inStream: boolean }) {
  const [entries, setEntries] = useState<{ id: string; description: string }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const day = wibToday(new Date(event.occurredAt));
  // Related events are looked for around the event's own WIB day, where a business action's events fall.
  const around = { fromDay: wibDayBefore(day, 1), toDay: wibDayBefore(day, -1) };

  const findEntries = async () => {
    setBusy(true);
    setError(null);
    try {
      const found = await api.get('/api/v1/audit/entries', {
        query: { sourceEventId: event.eventId, ...auditScopeQuery() },
      });
      setEntries(found.entries);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="event-details">
      <dl class="summary event-meta">
        <dt>{t('audit.history.eventId')}</dt>
        <dd class="cell-ref">{event.eventId}</dd>
        <dt>{t('audit.history.store')}</dt>
        <dd>{serviceLabel(event.service)}</dd>
        <dt>{t('audit.history.streamVersion')}</dt>
        <dd class="cell-ref">
          {event.streamId} #{event.streamVersion}
        </dd>
        <dt>{t('audit.history.when')}</dt>
        <dd>{formatWibDateTime(event.occurredAt)}</dd>
        <dt>{t('audit.history.actor')}</dt>
        <dd class="cell-ref">{event.actor}</dd>
        <dt>{t('audit.history.correlation')}</dt>
        <dd class="cell-ref">{event.correlationId}</dd>
        <dt>{t('audit.history.causation')}</dt>
        <dd class="cell-ref">{event.causationId ?? t('audit.history.noCausation')}</dd>
        <dt>{t('audit.history.schema')}</dt>
        <dd>{event.schemaVersion}</dd>
        <dt>{t('audit.history.hash')}</dt>
        <dd class="cell-ref">{event.hash}</dd>
        <dt>{t('audit.history.prevHash')}</dt>
        <dd class="cell-ref">{event.prevHash}</dd>
      </dl>
      <p class="event-details__label">{t('audit.history.data')}</p>
      <pre class="event-data" tabIndex={0} aria-label={t('audit.history.data')}>
        {JSON.stringify(event.data, null, 2)}
      </pre>
      <div class="button-row">
        <a class="button" href={historyHref({ correlation: event.correlationId, ...around })}>
          {t('audit.history.related')}
        </a>
        {!inStream && (
          <a class="button" href={streamHref(event.streamId, event.streamVersion)}>
            {t('audit.history.openStream')}
          </a>
        )}
        <button type="button" class="button" onClick={findEntries} disabled={busy}>
          {busy ? t('app.loading') : t('audit.history.findEntry')}
        </button>
      </div>
      <ErrorMessage message={error} />
      {entries !== null &&
        (entries.length === 0 ? (
          <p class="field__hint">{t('audit.history.noEntry')}</p>
        ) : (
          <ul class="event-entries">
            {entries.map((entry) => (
              <li key={entry.id}>
                <a href={entryHref(entry.id)}>
                  {t('audit.history.entry', { id: entry.id, description: entry.description })}
                </a>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
