import { t } from '../../../i18n/i18n';
import { shortId } from '../shared/audit-words';
import { eventHref } from '../shared/history-links';

/** The events whose entries make a difference, each a link that opens it in Riwayat. */
export function EventLinks({ eventIds }: { eventIds: string[] }) {
  if (eventIds.length === 0) return <span class="field__hint">{t('audit.replay.noEvent')}</span>;
  return (
    <span class="replay-events">
      {eventIds.map((eventId) => (
        <a key={eventId} href={eventHref(eventId)} title={eventId}>
          {t('audit.replay.event', { id: shortId(eventId) })}
        </a>
      ))}
    </span>
  );
}
