import type { ApiSchemas } from '../../../api/client';
import { t } from '../../../i18n/i18n';
import { breakReason, serviceLabel } from '../shared/audit-words';
import { CheckBadge } from '../shared/CheckBadge';
import { streamHref } from '../shared/history-links';

type StoreResult = ApiSchemas['StoreVerifyResponse'];

/** One store's hash chains: how many streams and events were recomputed, and each break with a link to its event. */
export function StoreCheck({ store }: { store: StoreResult }) {
  const headingId = `store-${store.service}`;
  return (
    <section
      class="card audit-check"
      aria-labelledby={headingId}
      data-testid={`store-${store.service}`}
    >
      <h3 id={headingId}>
        {serviceLabel(store.service)} <CheckBadge status={store.status} />
      </h3>
      {store.status === 'unavailable' ? (
        <p>{t('audit.verify.storeUnavailable')}</p>
      ) : (
        <p>
          {t('audit.verify.storeCounts', {
            streams: store.streamsChecked,
            events: store.eventsChecked,
          })}
        </p>
      )}
      {store.breaks.length > 0 && (
        <ul class="audit-breaks">
          {store.breaks.map((found) => (
            <li key={`${found.streamId}-${found.streamVersion}`} class="audit-break">
              <span class="audit-break__where">
                {t('audit.verify.breakAt', {
                  service: serviceLabel(store.service),
                  stream: found.streamId,
                  version: found.streamVersion,
                })}
              </span>
              <span>{breakReason(found.reason)}</span>
              <a href={streamHref(found.streamId, found.streamVersion)}>
                {t('audit.verify.openEvent', { version: found.streamVersion })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {store.breaksTruncated && <p class="field__hint">{t('audit.verify.moreBreaks')}</p>}
    </section>
  );
}
