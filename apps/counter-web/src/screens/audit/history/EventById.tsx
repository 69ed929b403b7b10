import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLoad } from '../../../components/use-load';
import { t } from '../../../i18n/i18n';
import { StreamEvents } from './StreamEvents';
import { auditScopeQuery } from '../shared/audit-koperasi';

/** An event named by its id (a replay difference, a trace): shown open in its stream, among its neighbours. */
export function EventById({ eventId }: { eventId: string }) {
  const event = useLoad(
    (signal) =>
      api.get('/api/v1/audit/events/{eventId}', {
        path: { eventId },
        query: auditScopeQuery(),
        signal,
      }),
    [eventId],
  );
  if (event.loading && !event.data) return <p role="status">{t('app.loading')}</p>;
  if (event.error) return <ErrorMessage message={event.error} />;
  if (!event.data) return null;
  return (
    <StreamEvents
      streamId={event.data.streamId}
      openVersion={event.data.streamVersion}
      service={event.data.service}
    />
  );
}
