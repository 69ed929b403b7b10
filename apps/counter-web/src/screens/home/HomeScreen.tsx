import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/use-load';
import { formatWibDate } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { currentUser } from '../../session/session';
import { CashSummary, DayTotals } from './DayTotals';
import { PpobWatchList } from './PpobWatchList';
import { QuickActions } from './QuickActions';

/** Beranda: the teller's day so far, the koperasi's PPOB deposit and what in PPOB needs a look, and the way into each flow. */
export function HomeScreen() {
  const day = useLoad((signal) => api.get('/api/v1/counter/today', { signal }), []);
  const today = day.data;
  return (
    <div class="home">
      <PageTitle>{t('home.title')}</PageTitle>
      <p class="home__date">
        {t('home.greeting', { name: currentUser.value?.fullName ?? '' })} ·{' '}
        {formatWibDate(new Date())}
      </p>
      <QuickActions />
      <ErrorMessage message={day.error} />
      {day.loading && !today && <p role="status">{t('app.loading')}</p>}
      {today && (
        <>
          <DayTotals totals={today.totals} />
          <div class="home-summary">
            <CashSummary totals={today.totals} />
            <section
              aria-labelledby="deposit-heading"
              class="card home-deposit"
              data-testid="ppob-deposit"
            >
              <h2 id="deposit-heading">{t('home.depositTitle')}</h2>
              <p class="figure">
                <Money amountRp={today.ppobDeposit.available} />
              </p>
              <p class="field__hint">{t('home.depositHint')}</p>
            </section>
          </div>
          <div class="home-lists">
            <PpobWatchList
              id="ppob-pending"
              title={t('home.pendingTitle')}
              empty={t('home.pendingNone')}
              note={t('home.pendingNote')}
              list={today.ppobPending}
            />
            <PpobWatchList
              id="ppob-refunds"
              title={t('home.refundsTitle')}
              empty={t('home.refundsNone')}
              note={t('home.refundsNote')}
              list={today.ppobRefundsOwed}
            />
          </div>
        </>
      )}
      <div class="button-row">
        <button type="button" class="button" onClick={day.reload} disabled={day.loading}>
          {day.loading ? t('app.loading') : t('home.refresh')}
        </button>
      </div>
    </div>
  );
}
