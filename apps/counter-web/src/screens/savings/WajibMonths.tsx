import { formatRupiah } from '../../format/rupiah';
import { formatPeriod } from '../../format/wib';
import { locale, t } from '../../i18n/i18n';
import type { WajibChoice } from './savings-request';
import { keepTogether } from './keep-together';

interface WajibMonthsProps {
  choices: WajibChoice[];
  chosen: string[];
  onChosen: (months: string[]) => void;
  monthlyRp: number;
  error: string | null;
}

/** The months to pay: arrears first (ticked to start with), then months ahead; the total as they are ticked. */
export function WajibMonths({ choices, chosen, onChosen, monthlyRp, error }: WajibMonthsProps) {
  const toggle = (month: string, on: boolean) =>
    onChosen(on ? [...chosen, month].sort() : chosen.filter((other) => other !== month));
  const arrears = choices.filter((choice) => choice.inArrears);
  return (
    <fieldset
      class={`field wajib-months ${error ? 'field--invalid' : ''}`}
      aria-describedby={error ? 'wajib-months-error' : 'wajib-months-total'}
    >
      <legend>{t('savings.wajib.choose')}</legend>
      <p class="field__hint">
        {arrears.length > 0
          ? t('savings.wajib.arrearsFirst', { count: arrears.length })
          : t('savings.wajib.noArrears')}
      </p>
      <ul class="wajib-months__list">
        {choices.map((choice) => (
          <li key={choice.month}>
            <label class="choice">
              <input
                type="checkbox"
                checked={chosen.includes(choice.month)}
                onChange={(event) => toggle(choice.month, event.currentTarget.checked)}
              />
              <span>{formatPeriod(choice.month, locale.value)}</span>
              {choice.inArrears && (
                <span class="badge badge--arrears">{t('savings.wajib.arrearsTag')}</span>
              )}
            </label>
          </li>
        ))}
      </ul>
      <p id="wajib-months-total" class="wajib-months__total" aria-live="polite">
        {t('savings.wajib.total', {
          count: chosen.length,
          rate: keepTogether(formatRupiah(monthlyRp)),
          total: keepTogether(formatRupiah(chosen.length * monthlyRp)),
        })}
      </p>
      {error && (
        <p id="wajib-months-error" class="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
