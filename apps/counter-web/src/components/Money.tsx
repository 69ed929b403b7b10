import { formatRupiah } from '../format/rupiah';

/** An amount as `Rp 1.234.567`, in tabular figures so columns line up. */
export function Money({ amountRp }: { amountRp: number }) {
  return <span class="money">{formatRupiah(amountRp)}</span>;
}
