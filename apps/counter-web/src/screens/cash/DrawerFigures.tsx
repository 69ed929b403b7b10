import { Fragment } from 'preact';
import type { ApiSchemas } from '../../api/client';
import { Money } from '../../components/Money';
import { formatRupiah } from '../../format/rupiah';
import { t, type MessageKey } from '../../i18n/i18n';

export type Drawer = ApiSchemas['CashDrawerResponse'];

/** `Kurang Rp 5.000`, `Lebih Rp 2.000` or `Pas`: a difference as the teller says it. */
export function differenceText(differenceRp: number): string {
  if (differenceRp === 0) return t('cash.exact');
  return t(differenceRp < 0 ? 'cash.short' : 'cash.over', {
    amount: formatRupiah(Math.abs(differenceRp)),
  });
}

/** What the drawer should hold, kind by kind, then expected, counted and the difference (selisih). */
export function DrawerFigures({ drawer, countedRp }: { drawer: Drawer; countedRp: number | null }) {
  const differenceRp = countedRp === null ? null : countedRp - drawer.expected.total;
  return (
    <section class="card cash-figures" aria-labelledby="cash-expected-title">
      <h2 id="cash-expected-title">{t('cash.expectedTitle')}</h2>
      {drawer.expected.lines.length === 0 && <p>{t('cash.noMovements')}</p>}
      <dl class="summary" data-testid="cash-kinds">
        {drawer.expected.lines.map((line) => (
          <Fragment key={line.kind}>
            <dt>
              {t('cash.kindLine', {
                kind: t(`cash.kind.${line.kind}` as MessageKey),
                count: line.count,
              })}
            </dt>
            <dd>
              {[
                line.in > 0 ? t('cash.in', { amount: formatRupiah(line.in) }) : null,
                line.out > 0 ? t('cash.out', { amount: formatRupiah(line.out) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </Fragment>
        ))}
      </dl>
      <dl class="summary cash-totals" data-testid="cash-totals">
        <dt>{t('cash.expected')}</dt>
        <dd data-testid="cash-expected">
          <Money amountRp={drawer.expected.total} />
        </dd>
        {countedRp !== null && (
          <>
            <dt>{t('cash.counted')}</dt>
            <dd data-testid="cash-counted">
              <Money amountRp={countedRp} />
            </dd>
          </>
        )}
        {differenceRp !== null && (
          <>
            <dt class="summary__total">{t('cash.difference')}</dt>
            <dd
              class={`summary__total ${differenceRp < 0 ? 'cash-short' : ''}`}
              data-testid="cash-difference"
            >
              {differenceText(differenceRp)}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
