import { groupDigits, parseRupiah } from '../format/rupiah';
import { TextField } from './TextField';

interface MoneyFieldProps {
  id: string;
  label: string;
  amountRp: number | null;
  onAmount: (amountRp: number | null) => void;
  error?: string | null;
  hint?: string | null;
  disabled?: boolean;
  autoFocus?: boolean;
}

/** Whole rupiah, grouped as typed (`25.000`), with the numeric keypad on a phone. */
export function MoneyField({ id, label, amountRp, onAmount, ...rest }: MoneyFieldProps) {
  return (
    <TextField
      id={id}
      label={label}
      value={amountRp === null ? '' : groupDigits(amountRp)}
      onValue={(typed) => onAmount(parseRupiah(typed))}
      inputMode="numeric"
      autoComplete="off"
      class="field--money"
      {...rest}
    />
  );
}
