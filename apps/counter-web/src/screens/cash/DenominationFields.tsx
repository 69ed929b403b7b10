import { TextField } from '../../components/TextField';
import { formatRupiah } from '../../format/rupiah';
import { t } from '../../i18n/i18n';

/** The rupiah notes and coins a drawer holds, largest first. */
export const DENOMINATIONS_RP = [
  100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100,
] as const;

export type DenominationCounts = Record<number, number>;

export function totalOf(counts: DenominationCounts): number {
  return DENOMINATIONS_RP.reduce((sum, value) => sum + value * (counts[value] ?? 0), 0);
}

/** One count per note and coin; the total is the counted cash. Enter moves down the list. */
export function DenominationFields({
  counts,
  onCounts,
}: {
  counts: DenominationCounts;
  onCounts: (counts: DenominationCounts) => void;
}) {
  return (
    <fieldset class="cash-denominations">
      <legend>{t('cash.denominationsLegend')}</legend>
      {DENOMINATIONS_RP.map((value) => (
        <TextField
          key={value}
          id={`cash-note-${value}`}
          label={t('cash.denomination', { value: formatRupiah(value) })}
          value={counts[value] ? String(counts[value]) : ''}
          onValue={(typed) => {
            const digits = typed.replace(/\D/g, '').slice(0, 6);
            onCounts({ ...counts, [value]: digits === '' ? 0 : Number(digits) });
          }}
          inputMode="numeric"
          autoComplete="off"
        />
      ))}
    </fieldset>
  );
}
