import type { ComponentChildren } from 'preact';
import { Money } from '../../../components/Money';
import { t } from '../../../i18n/i18n';
import type { Amounts } from './replay-result';

const NONE: Amounts = { debit: 0, credit: 0 };

/**
 * Debit and credit as the history rebuilds them, as the live books hold them, and what the live books have
 * more (a minus: less): the figure an auditor takes to the correction.
 */
function RebuiltBesideLive({
  label,
  rebuilt,
  live,
}: {
  label: string;
  rebuilt: Amounts | null;
  live: Amounts | null;
}) {
  const difference = {
    debit: (live ?? NONE).debit - (rebuilt ?? NONE).debit,
    credit: (live ?? NONE).credit - (rebuilt ?? NONE).credit,
  };
  const rows = [
    { key: 'rebuilt', name: t('audit.replay.rebuiltRow'), amounts: rebuilt },
    { key: 'live', name: t('audit.replay.liveRow'), amounts: live },
    { key: 'difference', name: t('audit.replay.differenceRow'), amounts: difference },
  ];
  return (
    <table class="replay-amounts" aria-label={label}>
      <thead>
        <tr>
          <td />
          <th scope="col" class="num">
            {t('audit.replay.debit')}
          </th>
          <th scope="col" class="num">
            {t('audit.replay.credit')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} class={row.key === 'difference' ? 'replay-amounts__difference' : ''}>
            <th scope="row">{row.name}</th>
            {row.amounts === null ? (
              <td class="num" colSpan={2}>
                {t('audit.replay.absent')}
              </td>
            ) : (
              <>
                <td class="num">
                  <Money amountRp={row.amounts.debit} />
                </td>
                <td class="num">
                  <Money amountRp={row.amounts.credit} />
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One sum that differs (an account, an account's day, a teller's day): where, its figures, the way on. */
export function SumDifference({
  where,
  rebuilt,
  live,
  testId,
  children,
}: {
  where: string;
  rebuilt: Amounts | null;
  live: Amounts | null;
  testId?: string;
  children?: ComponentChildren;
}) {
  return (
    <li class="audit-break" data-testid={testId}>
      <h3 class="audit-break__where">{where}</h3>
      <RebuiltBesideLive label={where} rebuilt={rebuilt} live={live} />
      {children}
    </li>
  );
}
