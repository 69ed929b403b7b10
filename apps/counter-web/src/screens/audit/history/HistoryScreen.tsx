import { useLocation } from 'preact-iso';
import { PageTitle } from '../../../components/PageTitle';
import { t } from '../../../i18n/i18n';
import { EventById } from './EventById';
import { EventSearchResults } from './EventSearchResults';
import { historyQueryOf } from './history-query';
import { HistorySearch } from './HistorySearch';
import { StreamEvents } from './StreamEvents';

/**
 * Riwayat: the event history of the scope. By stream (every event of a member, payment, collection or
 * remittance in order), by type, time window (WIB) and correlation id; each event opens to its data and
 * metadata, and leads on to the related events and the journal entry it posted.
 */
export function HistoryScreen() {
  const location = useLocation();
  const query = historyQueryOf(location.query);
  const searching = Boolean(
    query.service || query.type || query.fromDay || query.toDay || query.correlation,
  );
  return (
    <div class="audit-screen">
      <PageTitle>{t('audit.history.title')}</PageTitle>
      {query.event || query.stream ? (
        // A stream on a phone comes first; the search folds away until asked for.
        <details class="history-search-toggle">
          <summary>{t('audit.history.changeSearch')}</summary>
          <HistorySearch key={location.url} initial={query} />
        </details>
      ) : (
        <HistorySearch key={location.url} initial={query} />
      )}
      {query.event ? (
        <EventById eventId={query.event} />
      ) : query.stream ? (
        <StreamEvents
          streamId={query.stream}
          openVersion={query.version ? Number(query.version) : null}
          service={query.service}
        />
      ) : searching ? (
        <EventSearchResults query={query} />
      ) : (
        <p class="page-intro">{t('audit.history.intro')}</p>
      )}
    </div>
  );
}
