import { useEffect } from 'preact/hooks';
import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { AppShell } from './components/AppShell';
import { listenForEscape } from './components/use-escape';
import { t } from './i18n/i18n';
import { LoginScreen } from './screens/login/LoginScreen';
import { currentUser, isSupervisor } from './session/session';

// Each screen is its own chunk: the first load carries the login and the shell only.
const HomeScreen = lazy(() => import('./screens/home/HomeScreen').then((m) => m.HomeScreen));
const MemberSearchScreen = lazy(() => import('./screens/members/MemberSearchScreen').then((m) => m.MemberSearchScreen));
const RegisterMemberScreen = lazy(() => import('./screens/members/RegisterMemberScreen').then((m) => m.RegisterMemberScreen));
const MemberScreen = lazy(() => import('./screens/members/MemberScreen').then((m) => m.MemberScreen));
const SavingsScreen = lazy(() => import('./screens/savings/SavingsScreen').then((m) => m.SavingsScreen));
const PpobScreen = lazy(() => import('./screens/ppob/PpobScreen').then((m) => m.PpobScreen));
const PaymentScreen = lazy(() => import('./screens/ppob/PaymentScreen').then((m) => m.PaymentScreen));
const InstallmentScreen = lazy(() => import('./screens/installments/InstallmentScreen').then((m) => m.InstallmentScreen));
const TodayScreen = lazy(() => import('./screens/today/TodayScreen').then((m) => m.TodayScreen));
const PrinterTestScreen = lazy(() => import('./screens/printer-test/PrinterTestScreen').then((m) => m.PrinterTestScreen));
const RefundsScreen = lazy(() => import('./screens/supervisor/refunds/RefundsScreen').then((m) => m.RefundsScreen));
const DepositScreen = lazy(() => import('./screens/supervisor/deposit/DepositScreen').then((m) => m.DepositScreen));
const RemittancesScreen = lazy(() => import('./screens/supervisor/remittances/RemittancesScreen').then((m) => m.RemittancesScreen));
const TellersScreen = lazy(() => import('./screens/supervisor/tellers/TellersScreen').then((m) => m.TellersScreen));

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

function Screens() {
  const location = useLocation();
  useEffect(() => listenForEscape(() => (location.path === '/' ? undefined : history.back())), [location.path]);
  // Without a session every address shows the login; after it, the same address shows its screen again.
  if (!currentUser.value) return <LoginScreen />;
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
          <Route path="/penyelia/refund" component={() => <SupervisorOnly screen={RefundsScreen} />} />
          <Route path="/penyelia/deposit" component={() => <SupervisorOnly screen={DepositScreen} />} />
          <Route path="/penyelia/setoran-bank" component={() => <SupervisorOnly screen={RemittancesScreen} />} />
          <Route path="/penyelia/kasir" component={() => <SupervisorOnly screen={TellersScreen} />} />
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
