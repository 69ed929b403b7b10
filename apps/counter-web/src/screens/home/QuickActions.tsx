import { t, type MessageKey } from '../../i18n/i18n';

const ACTIONS: Array<{ href: string; label: MessageKey }> = [
  { href: '/simpanan', label: 'home.action.savings' },
  { href: '/ppob', label: 'home.action.ppob' },
  { href: '/angsuran', label: 'home.action.installment' },
  { href: '/anggota/baru', label: 'home.action.newMember' },
  { href: '/anggota', label: 'home.action.findMember' },
  { href: '/transaksi', label: 'home.action.today' },
];

/** The counter's main flows, one tap (or Tab and Enter) away. */
export function QuickActions() {
  return (
    <section aria-labelledby="home-actions-heading">
      <h2 id="home-actions-heading" class="visually-hidden">
        {t('home.actionsTitle')}
      </h2>
      <ul class="home-actions">
        {ACTIONS.map((action) => (
          <li key={action.href}>
            <a href={action.href} class="button button--block home-actions__link">
              {t(action.label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
