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
    <nav aria-label={t('home.actionsTitle')} class="home-actions">
      {ACTIONS.map((action) => (
        <a key={action.href} href={action.href} class="button home-actions__link">
          {t(action.label)}
        </a>
      ))}
    </nav>
  );
}
