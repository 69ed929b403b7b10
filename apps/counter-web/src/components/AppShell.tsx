import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { t, type MessageKey } from '../i18n/i18n';
import { currentUser, endSession, isAuditor, isSupervisor } from '../session/session';
import { LanguageSwitch } from './LanguageSwitch';

interface NavItem {
  href: string;
  label: MessageKey;
}

/** What a teller works with all day, in the order of the counter's work; a supervisor also sees its own group. */
const TELLER_NAV: NavItem[] = [
  { href: '/', label: 'nav.home' },
  { href: '/anggota', label: 'nav.members' },
  { href: '/simpanan', label: 'nav.savings' },
  { href: '/ppob', label: 'nav.ppob' },
  { href: '/angsuran', label: 'nav.installments' },
  { href: '/transaksi', label: 'nav.today' },
  { href: '/tes-printer', label: 'nav.printerTest' },
  { href: '/kasir', label: 'cash.nav' },
  { href: '/rekap', label: 'nav.recap' },
];
// Cash closing and the auditors' screens join these groups in later issues.
const SUPERVISOR_NAV: NavItem[] = [
  { href: '/penyelia/refund', label: 'nav.refunds' },
  { href: '/penyelia/deposit', label: 'nav.deposit' },
  { href: '/penyelia/setoran-bank', label: 'nav.remittances' },
  { href: '/penyelia/bank', label: 'nav.bank' },
  { href: '/penyelia/kasir', label: 'nav.tellers' },
  { href: '/penyelia/tutup-kasir', label: 'cash.supervisor.nav' },
  { href: '/penyelia/laporan', label: 'nav.statements' },
  { href: '/penyelia/shu', label: 'nav.shu' },
  { href: '/penyelia/tutup-buku', label: 'nav.periodClosing' },
];

/** An auditor's own menu: reading the history and the books, nothing that writes; the counter's screens are not theirs. */
const AUDITOR_NAV: NavItem[] = [
  { href: '/', label: 'audit.nav.summary' },
  { href: '/audit/verifikasi', label: 'audit.nav.verify' },
  { href: '/audit/replay', label: 'audit.nav.replay' },
  { href: '/audit/riwayat', label: 'audit.nav.history' },
  { href: '/audit/buku', label: 'audit.nav.books' },
  { href: '/audit/laporan', label: 'nav.statements' },
  { href: '/audit/shu', label: 'nav.shu' },
  { href: '/audit/ekspor', label: 'audit.nav.export' },
];

interface AppShellProps {
  children: ComponentChildren;
}

export function AppShell({ children }: AppShellProps) {
  const { path } = useLocation();
  const user = currentUser.value;
  if (!user) return <>{children}</>;
  const isCurrent = (href: string) =>
    href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  const link = (item: NavItem) => (
    <li key={item.href}>
      <a
        href={item.href}
        class="nav__link"
        aria-current={isCurrent(item.href) ? 'page' : undefined}
      >
        {t(item.label)}
      </a>
    </li>
  );
  const roleKey = `app.role.${user.role}` as MessageKey;
  return (
    <div class="shell">
      <a href="#main" class="skip-link">
        {t('app.skipToContent')}
      </a>
      <header class="shell__header">
        <div class="shell__brand">
          <span class="shell__logo" aria-hidden="true" />
          <div>
            <p class="shell__koperasi">
              {user.koperasiName ?? user.kotaKabupaten ?? t('app.title')}
            </p>
            <p class="shell__user">
              {t('app.loggedInAs', { name: user.fullName, role: t(roleKey) })}
            </p>
          </div>
        </div>
        <div class="shell__actions">
          <LanguageSwitch />
          <button type="button" class="button button--ghost" onClick={() => endSession('logout')}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <nav class="shell__nav" aria-label={t('app.menu')}>
        <ul class="nav">{(isAuditor.value ? AUDITOR_NAV : TELLER_NAV).map(link)}</ul>
        {isSupervisor.value && (
          <>
            <p class="nav__group">{t('nav.supervisor')}</p>
            <ul class="nav">{SUPERVISOR_NAV.map(link)}</ul>
          </>
        )}
      </nav>
      <main id="main" class="shell__main">
        {children}
      </main>
    </div>
  );
}
