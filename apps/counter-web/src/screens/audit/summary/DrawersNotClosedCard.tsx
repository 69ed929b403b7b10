import type { ApiSchemas } from '../../../api/client';
import { Money } from '../../../components/Money';
import { formatWibDay } from '../../../format/wib';
import { t, type MessageKey } from '../../../i18n/i18n';

type OpenDrawer = ApiSchemas['AuditOpenDrawerResponse'];

/**
 * The tellers' drawers not closed. Those of an earlier day are what the auditor follows up (cash out of the vault
 * that nobody has counted back), so they are the card's figure; today's are listed apart, the counter still
 * working.
 */
export function DrawersNotClosedCard({
  earlier,
  today,
}: {
  earlier: OpenDrawer[];
  today: OpenDrawer[];
}) {
  return (
    <section class="card audit-drawers" aria-labelledby="summary-drawers">
      <h2 id="summary-drawers">{t('audit.summary.drawers')}</h2>
      <p class="figure">{earlier.length}</p>
      {earlier.length === 0 ? (
        <p class="field__hint">{t('audit.summary.drawersNone')}</p>
      ) : (
        <DrawerList drawers={earlier} label={t('audit.summary.drawersEarlier')} />
      )}
      <h3 id="summary-drawers-today">{t('audit.summary.drawersToday', { count: today.length })}</h3>
      {today.length > 0 && (
        <DrawerList drawers={today} label={t('audit.summary.drawersTodayList')} />
      )}
    </section>
  );
}

function DrawerList({ drawers, label }: { drawers: OpenDrawer[]; label: string }) {
  return (
    <ul class="audit-drawer-list" aria-label={label}>
      {drawers.map((drawer) => (
        <li key={`${drawer.businessDate}:${drawer.tellerId}`}>
          <span class="cell-main">{drawer.tellerName}</span>{' '}
          <span class={`badge cash-badge--${drawer.status}`}>
            {t(`cash.status.${drawer.status}` as MessageKey)}
          </span>{' '}
          <span class="field__hint">
            {t('audit.summary.drawerOpened', { day: formatWibDay(drawer.businessDate) })} ·{' '}
            {t('audit.summary.drawerFloat')} <Money amountRp={drawer.openingFloat} />
          </span>
        </li>
      ))}
    </ul>
  );
}
