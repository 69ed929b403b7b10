import { useEffect, useState } from 'preact/hooks';
import { api, type ApiSchemas } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLoad } from '../../../components/use-load';
import { t } from '../../../i18n/i18n';
import { serviceLabel, type AuditService } from '../shared/audit-words';
import { EventTable } from './EventTable';
import { auditScopeQuery } from '../shared/audit-koperasi';

interface StreamEventsProps {
  streamId: string;
  /** The version to open and mark (a break, a link from a trace). */
  openVersion: number | null;
  service: string;
}

type StreamPage = ApiSchemas['AuditStreamResponse'];

/**
 * One stream's events in version order: a member's, a payment's, a collection's, a remittance batch's. A long
 * stream (a koperasi's deposit top-ups) comes a page at a time, each page continuing from the version the last
 * one ended before.
 */
export function StreamEvents({ streamId, openVersion, service }: StreamEventsProps) {
  const read = (fromVersion: number | undefined, signal?: AbortSignal) =>
    api.get('/api/v1/audit/streams/{streamId}', {
      path: { streamId },
      query: {
        service: (service || undefined) as AuditService | undefined,
        fromVersion,
        ...auditScopeQuery(),
      },
      signal,
    });
  const stream = useLoad((signal) => read(undefined, signal), [streamId, service]);
  const [more, setMore] = useState<{
    page: StreamPage | null;
    busy: boolean;
    error: string | null;
  }>({ page: null, busy: false, error: null });
  useEffect(() => setMore({ page: null, busy: false, error: null }), [stream.data]);
  if (stream.loading && !stream.data) return <p role="status">{t('app.loading')}</p>;
  if (stream.error) return <ErrorMessage message={stream.error} />;
  if (!stream.data) return null;
  const data = more.page ?? stream.data;
  const readMore = async () => {
    if (data.nextFromVersion === null) return;
    setMore({ page: more.page, busy: true, error: null });
    try {
      const next = await read(data.nextFromVersion);
      setMore({
        page: { ...next, events: [...data.events, ...next.events] },
        busy: false,
        error: null,
      });
    } catch (failure) {
      setMore({ page: more.page, busy: false, error: describeError(failure) });
    }
  };
  const events = data.events.map((event) => ({ ...event, service: data.service }));
  const open =
    openVersion === null
      ? null
      : (events.find((event) => event.streamVersion === openVersion)?.eventId ?? null);
  return (
    <section aria-labelledby="stream-title">
      <h2 id="stream-title" class="stream-title">
        {t('audit.history.streamTitle', { stream: data.streamId })}
      </h2>
      <p class="field__hint">
        {t('audit.history.streamMeta', {
          service: serviceLabel(data.service),
          count: data.version,
        })}
      </p>
      <EventTable events={events} inStream openKey={open} highlightKey={open} />
      <ErrorMessage message={more.error} />
      {data.nextFromVersion !== null && (
        <>
          <p class="field__hint">{t('audit.history.streamMore', { count: data.events.length })}</p>
          <div class="button-row">
            <button type="button" class="button" onClick={readMore} disabled={more.busy}>
              {more.busy ? t('app.loading') : t('audit.history.more')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
