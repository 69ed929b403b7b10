import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { formatWibDateTime } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { serviceLabel, shortId } from '../shared/audit-words';
import { EventDetails } from './EventDetails';
import type { HistoryEvent } from './history-event';

interface EventTableProps {
  events: HistoryEvent[];
  /** A stream's own list: the stream column is left out. */
  inStream: boolean;
  /** Opened when the table first shows (a break or a difference linked to it). */
  openKey?: string | null;
  /** Marked as the event the auditor came for. */
  highlightKey?: string | null;
}

/** Events in order (#, type, time, actor), each a button that opens its data and metadata under it. */
export function EventTable({
  events,
  inStream,
  openKey = null,
  highlightKey = null,
}: EventTableProps) {
  const [open, setOpen] = useState<Set<string>>(new Set(openKey ? [openKey] : []));
  const toggle = (key: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const columns = inStream ? 4 : 5;
  return (
    <div class="table-wrap">
      <table class="audit-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('audit.history.type')}</th>
            <th scope="col">{t('audit.history.when')}</th>
            <th scope="col">{t('audit.history.actor')}</th>
            {!inStream && <th scope="col">{t('audit.history.stream')}</th>}
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const key = event.eventId;
            const isOpen = open.has(key);
            return (
              <Fragment key={key}>
                <tr class={highlightKey === key ? 'audit-row--highlight' : undefined}>
                  <td data-label="#">
                    <button
                      type="button"
                      class="event-toggle"
                      aria-expanded={isOpen}
                      aria-controls={`event-${key}`}
                      onClick={() => toggle(key)}
                    >
                      <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>{' '}
                      {t('audit.history.version', { version: event.streamVersion })}
                    </button>
                  </td>
                  <td data-label={t('audit.history.type')} class="cell-type">
                    {event.type}
                  </td>
                  <td data-label={t('audit.history.when')} class="nowrap">
                    {formatWibDateTime(event.occurredAt)}
                  </td>
                  <td data-label={t('audit.history.actor')} class="cell-ref" title={event.actor}>
                    {shortId(event.actor)}
                  </td>
                  {!inStream && (
                    <td data-label={t('audit.history.stream')} class="cell-ref">
                      {event.streamId}
                      <span class="cell-sub">{serviceLabel(event.service)}</span>
                    </td>
                  )}
                </tr>
                {isOpen && (
                  <tr class="event-details-row" id={`event-${key}`}>
                    <td colSpan={columns}>
                      <EventDetails event={event} inStream={inStream} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
