import { useLayoutEffect } from 'preact/hooks';
import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { AppShell } from './components/AppShell';
import { listenForEscape } from './components/use-escape';
import { t } from './i18n/i18n';
import { LoginScreen } from './screens/login/LoginScreen';
import { currentUser, isAuditor, isSupervisor } from './session/session';
import { AuditKoperasiSwitcher } from './screens/audit/shared/AuditKoperasiSwitcher';
import { auditKoperasiId, isCityAuditor } from './screens/audit/shared/audit-koperasi';

// Each screen is its own chunk: the first load carries the login and the shell only.
const HomeScreen = lazy(() => import('./screens/home/HomeScreen').then((m) => m.HomeScreen));
const MemberSearchScreen = lazy(() =>
  import('./screens/members/MemberSearchScreen').then((m) => m.MemberSearchScreen),
);
const RegisterMemberScreen = lazy(() =>
  import('./screens/members/RegisterMemberScreen').then((m) => m.RegisterMemberScreen),
);
const MemberScreen = lazy(() =>
  import('./screens/members/MemberScreen').then((m) => m.MemberScreen),
);
const SavingsScreen = lazy(() =>
  import('./screens/savings/SavingsScreen').then((m) => m.SavingsScreen),
);
const PpobScreen = lazy(() => import('./screens/ppob/PpobScreen').then((m) => m.PpobScreen));
const PaymentScreen = lazy(() =>
  import('./screens/ppob/PaymentScreen').then((m) => m.PaymentScreen),
);
const InstallmentScreen = lazy(() =>
  import('./screens/installments/InstallmentScreen').then((m) => m.InstallmentScreen),
);
const TodayScreen = lazy(() => import('./screens/today/TodayScreen').then((m) => m.TodayScreen));
const PrinterTestScreen = lazy(() =>
  import('./screens/printer-test/PrinterTestScreen').then((m) => m.PrinterTestScreen),
);
const RefundsScreen = lazy(() =>
  import('./screens/supervisor/refunds/RefundsScreen').then((m) => m.RefundsScreen),
);
const DepositScreen = lazy(() =>
  import('./screens/supervisor/deposit/DepositScreen').then((m) => m.DepositScreen),
);
const BankScreen = lazy(() =>
  import('./screens/supervisor/bank/BankScreen').then((m) => m.BankScreen),
);
const RemittancesScreen = lazy(() =>
  import('./screens/supervisor/remittances/RemittancesScreen').then((m) => m.RemittancesScreen),
);
const CashDrawerScreen = lazy(() =>
  import('./screens/cash/CashDrawerScreen').then((m) => m.CashDrawerScreen),
);
const CashClosingScreen = lazy(() =>
  import('./screens/cash/CashClosingScreen').then((m) => m.CashClosingScreen),
);
const TellersScreen = lazy(() =>
  import('./screens/supervisor/tellers/TellersScreen').then((m) => m.TellersScreen),
);
const AuditSummaryScreen = lazy(() =>
  import('./screens/audit/summary/AuditSummaryScreen').then((m) => m.AuditSummaryScreen),
);
const VerifyScreen = lazy(() =>
  import('./screens/audit/verify/VerifyScreen').then((m) => m.VerifyScreen),
);
const ReplayScreen = lazy(() =>
  import('./screens/audit/replay/ReplayScreen').then((m) => m.ReplayScreen),
);
const HistoryScreen = lazy(() =>
  import('./screens/audit/history/HistoryScreen').then((m) => m.HistoryScreen),
);
const BooksScreen = lazy(() =>
  import('./screens/audit/books/BooksScreen').then((m) => m.BooksScreen),
);
const EntryTraceScreen = lazy(() =>
  import('./screens/audit/books/EntryTraceScreen').then((m) => m.EntryTraceScreen),
);
const ExportScreen = lazy(() =>
  import('./screens/audit/export/ExportScreen').then((m) => m.ExportScreen),
);
const StatementsScreen = lazy(() =>
  import('./screens/statements/StatementsScreen').then((m) => m.StatementsScreen),
);
const DailyRecapScreen = lazy(() =>
  import('./screens/recap/DailyRecapScreen').then((m) => m.DailyRecapScreen),
);
const ShuScreen = lazy(() => import('./screens/shu/ShuScreen').then((m) => m.ShuScreen));
const PeriodClosingScreen = lazy(() =>
  import('./screens/period-closing/PeriodClosingScreen').then((m) => m.PeriodClosingScreen),
);

function NotFound() {
  return <p class="alert alert--info">{t('app.notFound')}</p>;
}

/** A supervisor's screen: a teller who follows a link to it is told it is not theirs, and nothing loads. */
function SupervisorOnly({ screen: Screen }: { screen: () => preact.JSX.Element | null }) {
  if (!isSupervisor.value) {
    return (
      <p class="alert alert--error" role="alert" data-testid="forbidden">
        {t('nav.forbidden')}
      </p>
    );
  }
  return <Screen />;
}

/** An auditor's screen: counter staff who follow a link to one are told it is the auditors', and nothing loads. */
function AuditorOnly({ screen: Screen }: { screen: () => preact.JSX.Element | null }) {
  if (!isAuditor.value) {
    return (
      <p class="alert alert--error" role="alert" data-testid="forbidden">
        {t('audit.forbidden')}
      </p>
    );
  }
  // A city auditor chooses the koperasi above every screen; the screen starts afresh on each choice.
  return (
    <>
      {isCityAuditor.value && <AuditKoperasiSwitcher />}
      <Screen key={auditKoperasiId.value ?? 'whole-scope'} />
    </>
  );
}

/** Any counter address an auditor types: not theirs (the counter's screens write), and nothing of it loads. */
function NotForAuditor() {
  return (
    <p class="alert alert--error" role="alert" data-testid="forbidden">
      {t('audit.counterForbidden')}
    </p>
  );
}

/** The auditor's own routes only: the history, verify, replay, the books and exports, none of which writes. */
function AuditorScreens() {
  return (
    <Router>
      <Route path="/" component={() => <AuditorOnly screen={AuditSummaryScreen} />} />
      <Route path="/audit/verifikasi" component={() => <AuditorOnly screen={VerifyScreen} />} />
      <Route path="/audit/replay" component={() => <AuditorOnly screen={ReplayScreen} />} />
      <Route path="/audit/riwayat" component={() => <AuditorOnly screen={HistoryScreen} />} />
      <Route path="/audit/buku" component={() => <AuditorOnly screen={BooksScreen} />} />
      <Route
        path="/audit/buku/entri/:entryId"
        component={() => <AuditorOnly screen={EntryTraceScreen} />}
      />
      <Route path="/audit/ekspor" component={() => <AuditorOnly screen={ExportScreen} />} />
      <Route path="/audit/laporan" component={() => <AuditorOnly screen={StatementsScreen} />} />
      <Route path="/audit/shu" component={() => <AuditorOnly screen={ShuScreen} />} />
      <Route path="/audit/*" component={NotFound} />
      <Route default component={NotForAuditor} />
    </Router>
  );
}

function Screens() {
  const location = useLocation();
  // Re-attached before paint on each screen change, so no Esc falls between the old listener and the new.
  useLayoutEffect(
    () => listenForEscape(() => (location.path === '/' ? undefined : history.back())),
    [location.path],
  );
  // Without a session every address shows the login; after it, the same address shows its screen again.
  if (!currentUser.value) return <LoginScreen />;
  if (isAuditor.value) {
    return (
      <AppShell>
        <ErrorBoundary>
          <AuditorScreens />
        </ErrorBoundary>
      </AppShell>
    );
  }
  return (
    <AppShell>
      <ErrorBoundary>
        <Router>
          <Route path="/" component={HomeScreen} />
          <Route path="/anggota" component={MemberSearchScreen} />
          <Route path="/anggota/baru" component={RegisterMemberScreen} />
          <Route path="/anggota/:memberId" component={MemberScreen} />
          <Route path="/simpanan" component={SavingsScreen} />
          <Route path="/simpanan/:memberId" component={SavingsScreen} />
          <Route path="/ppob" component={PpobScreen} />
          <Route path="/ppob/pembayaran/:paymentId" component={PaymentScreen} />
          <Route path="/angsuran" component={InstallmentScreen} />
          <Route path="/transaksi" component={TodayScreen} />
          <Route path="/tes-printer" component={PrinterTestScreen} />
          <Route path="/kasir" component={CashDrawerScreen} />
          <Route path="/rekap" component={DailyRecapScreen} />
          <Route
            path="/penyelia/tutup-kasir"
            component={() => <SupervisorOnly screen={CashClosingScreen} />}
          />
          <Route
            path="/penyelia/refund"
            component={() => <SupervisorOnly screen={RefundsScreen} />}
          />
          <Route
            path="/penyelia/deposit"
            component={() => <SupervisorOnly screen={DepositScreen} />}
          />
          <Route
            path="/penyelia/setoran-bank"
            component={() => <SupervisorOnly screen={RemittancesScreen} />}
          />
          <Route path="/penyelia/bank" component={() => <SupervisorOnly screen={BankScreen} />} />
          <Route
            path="/penyelia/kasir"
            component={() => <SupervisorOnly screen={TellersScreen} />}
          />
          <Route
            path="/penyelia/laporan"
            component={() => <SupervisorOnly screen={StatementsScreen} />}
          />
          <Route path="/penyelia/shu" component={() => <SupervisorOnly screen={ShuScreen} />} />
          <Route
            path="/penyelia/tutup-buku"
            component={() => <SupervisorOnly screen={PeriodClosingScreen} />}
          />
          <Route path="/audit/*" component={() => <AuditorOnly screen={NotFound} />} />
          <Route default component={NotFound} />
        </Router>
      </ErrorBoundary>
    </AppShell>
  );
}

export function App() {
  return (
    <LocationProvider>
      <Screens />
    </LocationProvider>
  );
}
