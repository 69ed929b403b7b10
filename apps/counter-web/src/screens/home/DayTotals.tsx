import type { ApiSchemas } from '../../api/client';
import { Money } from '../../components/Money';
import { t } from '../../i18n/i18n';
import { kindLabel } from './kind-labels';

type Total = ApiSchemas['CounterKindTotalResponse'];

/** One card per kind: how many and how much this teller took today (a withdrawal is paid out). */
export function DayTotals({ totals }: { totals: Total[] }) {
  return (
    <section aria-labelledby="totals-heading">
      <h2 id="totals-heading">{t('home.totalsTitle')}</h2>
      <ul class="cards home-totals">
        {totals.map((total) => (
          <li key={total.kind} class="card home-total" data-testid={`total-${total.kind}`}>
            <p class="home-total__kind">{kindLabel(total.kind)}</p>
            <p class="figure">
              <Money amountRp={total.amount} />
            </p>
            <p class="home-total__count">{t('home.count', { count: total.count })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The cash the teller should hold for today's work: taken in, less sukarela paid out. */
export function CashSummary({ totals }: { totals: Total[] }) {
  const cashIn = totals
    .filter((total) => total.kind !== 'simpanan_sukarela_tarik')
    .reduce((sum, total) => sum + total.amount, 0);
  const cashOut = totals.find((total) => total.kind === 'simpanan_sukarela_tarik')?.amount ?? 0;
  return (
    <section aria-labelledby="cash-heading" class="card">
      <h2 id="cash-heading">{t('home.cashTitle')}</h2>
      <dl class="summary home-cash" data-testid="cash-net">
        <dt>{t('home.cashIn')}</dt>
        <dd>
          <Money amountRp={cashIn} />
        </dd>
        <dt>{t('home.cashOut')}</dt>
        <dd>
          <Money amountRp={cashOut} />
        </dd>
        <dt class="summary__total">{t('home.cashNet')}</dt>
        <dd class="summary__total">
          <Money amountRp={cashIn - cashOut} />
        </dd>
      </dl>
    </section>
  );
}
