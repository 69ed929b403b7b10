import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLoad } from '../../../components/use-load';
import { t } from '../../../i18n/i18n';
import { serviceLabel, type AuditService } from '../shared/audit-words';
import { EventTable } from './EventTable';

interface StreamEventsProps {
  streamId: string;
  /** The version to open and mark (a break, a link from a trace). */
  openVersion: number | null;
  service: string;
}

/** One stream's events in version order: a member's, a payment's, a collection's, a remittance batch's. */
export function StreamEvents({ streamId, openVersion, service }: StreamEventsProps) {
  const stream = useLoad(
    (signal) => api.get('/api/v1/audit/streams/{streamId}', { path: { streamId }, query: { service: (service || undefined) as AuditService | undefined }, signal }),
    [streamId, service],
  );
  if (stream.loading && !stream.data) return <p role="status">{t('app.loading')}</p>;
  if (stream.error) return <ErrorMessage message={stream.error} />;
  if (!stream.data) return null;
  const { data } = stream;
  const events = data.events.map((event) => ({ ...event, service: data.service }));
  const open = openVersion === null ? null : (events.find((event) => event.streamVersion === openVersion)?.eventId ?? null);
  return (
    <section aria-labelledby="stream-title">
      <h2 id="stream-title" class="stream-title">
        {t('audit.history.streamTitle', { stream: data.streamId })}
      </h2>
      <p class="field__hint">{t('audit.history.streamMeta', { service: serviceLabel(data.service), count: data.version })}</p>
      <EventTable events={events} inStream openKey={open} highlightKey={open} />
      {data.nextFromVersion !== null && <p class="field__hint">{t('audit.history.streamMore', { count: data.events.length })}</p>}
    </section>
  );
}
