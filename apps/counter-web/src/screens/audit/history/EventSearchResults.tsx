import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { t } from '../../../i18n/i18n';
import type { AuditService } from '../shared/audit-words';
import type { HistoryEvent } from './history-event';
import { rangeOf, type HistoryQuery } from './history-query';
import { EventTable } from './EventTable';
import { auditScopeQuery } from '../shared/audit-koperasi';

const PAGE = 50;

interface Found {
  events: HistoryEvent[];
  cursor: string | null;
}

/** Events of the scope matching the search, oldest first across the stores, a page at a time. */
export function EventSearchResults({ query }: { query: HistoryQuery }) {
  const [found, setFound] = useState<Found | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);

  const read = async (from: Found, signal?: AbortSignal) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.get('/api/v1/audit/events', {
        query: {
          ...rangeOf(query),
          ...auditScopeQuery(),
          service: (query.service || undefined) as AuditService | undefined,
          type: query.type || undefined,
          correlationId: query.correlation || undefined,
          cursor: from.cursor ?? undefined,
          limit: PAGE,
        },
        signal,
      });
      setFound({ events: [...from.events, ...answer.events], cursor: answer.nextCursor });
    } catch (failure) {
      if (!signal?.aborted) setError(describeError(failure));
    } finally {
      if (!signal?.aborted) setBusy(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    setFound(null);
    void read({ events: [], cursor: null }, controller.signal);
    return () => controller.abort();
  }, [key]);

  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">{t('audit.history.results')}</h2>
      <ErrorMessage message={error} />
      {found && (
        <p role="status" class="field__hint">
          {t(query.correlation ? 'audit.history.correlated' : 'audit.history.found', {
            count: found.events.length,
          })}
        </p>
      )}
      {found && found.events.length > 0 && <EventTable events={found.events} inStream={false} />}
      {busy && <p role="status">{t('app.loading')}</p>}
      {found && found.cursor !== null && !busy && (
        <div class="button-row">
          <button type="button" class="button" onClick={() => read(found)}>
            {t('audit.history.more')}
          </button>
        </div>
      )}
    </section>
  );
}
