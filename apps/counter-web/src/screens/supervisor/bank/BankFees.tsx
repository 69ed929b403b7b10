import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { ActionFailure } from '../../../components/ActionFailure';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Form } from '../../../components/Form';
import { Money } from '../../../components/Money';
import { MoneyField } from '../../../components/MoneyField';
import { TextField } from '../../../components/TextField';
import { refusalAtField } from '../../../components/refusal-at-field';
import { useKeyedSubmit } from '../../../components/use-keyed-submit';
import { useLoad } from '../../../components/use-load';
import { formatRupiah } from '../../../format/rupiah';
import { t } from '../../../i18n/i18n';
import { BANK_REFERENCE } from './bank-reference';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface FeeErrors {
  period?: string;
  amount?: string;
  reference?: string;
}

/** What the bank owes in collection fees by month, and the form that records its paying them. */
export function BankFees() {
  const loaded = useLoad((signal) => api.get('/api/v1/bank/fees', { signal }), []);
  const data = loaded.data;
  const owedMonths = data?.months.filter((month) => month.owed > 0) ?? [];
  const [period, setPeriod] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FeeErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, failure, clearFailure, edit, submit: sendKeyed } = useKeyedSubmit();
  const chosen = period || owedMonths[0]?.period || '';
  const owedForChosen = data?.months.find((month) => month.period === chosen)?.owed ?? 0;

  const submit = async () => {
    const ref = reference.trim();
    const checked: FeeErrors = {
      period: MONTH.test(chosen) ? undefined : t('bank.fees.periodRequired'),
      amount:
        amount === null
          ? t('common.amountInvalid')
          : amount <= 0
            ? t('common.amountPositive')
            : amount > owedForChosen
              ? t('bank.fees.moreThanOwed', { owed: formatRupiah(owedForChosen) })
              : undefined,
      reference:
        ref === ''
          ? t('bank.referenceRequired')
          : BANK_REFERENCE.test(ref)
            ? undefined
            : t('bank.referenceInvalid'),
    };
    setErrors(checked);
    setNotice(null);
    clearFailure();
    if (checked.period || checked.amount || checked.reference || amount === null) return;
    await sendKeyed(
      async (idempotencyKey) => {
        const settled = await api.post('/api/v1/bank/fee-settlements', {
          body: { amount, reference: ref, period: chosen },
          idempotencyKey,
        });
        setNotice(
          t('bank.fees.recorded', {
            amount: formatRupiah(settled.amount),
            period: settled.period,
            reference: settled.reference,
          }),
        );
        setAmount(null);
        setReference('');
        setPeriod('');
        loaded.reload();
      },
      refusalAtField(
        setErrors,
        {
          REFERENCE_ALREADY_RECORDED: { field: 'reference', message: 'bank.fees.referenceUsed' },
          MORE_THAN_OWED: { field: 'amount', message: 'bank.fees.moreThanOwedNow' },
        },
        {
          amount: 'common.amountInvalid',
          reference: 'bank.referenceInvalid',
          period: 'bank.fees.periodRequired',
        },
      ),
    );
  };

  return (
    <section class="card" aria-labelledby="fees-title" data-testid="bank-fees">
      <h2 id="fees-title">{t('bank.fees.title')}</h2>
      <p>{t('bank.fees.intro')}</p>
      {loaded.error && !data && <ErrorMessage message={loaded.error} />}
      {data && (
        <>
          <p>
            {t('bank.fees.totalOwed')}{' '}
            <strong class="figure" data-testid="fees-owed">
              <Money amountRp={data.totalOwed} />
            </strong>
          </p>
          {data.months.length === 0 ? (
            <p>{t('bank.fees.none')}</p>
          ) : (
            <div class="table-wrap">
              <table class="supervisor-table" data-testid="fees-by-month">
                <caption class="visually-hidden">{t('bank.fees.tableLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('bank.fees.period')}</th>
                    <th scope="col" class="num">
                      {t('bank.fees.accrued')}
                    </th>
                    <th scope="col" class="num">
                      {t('bank.fees.settled')}
                    </th>
                    <th scope="col" class="num">
                      {t('bank.fees.owed')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.months.map((month) => (
                    <tr key={month.period}>
                      <th scope="row">{month.period}</th>
                      <td class="num" data-label={t('bank.fees.accrued')}>
                        <Money amountRp={month.accrued} />
                      </td>
                      <td class="num" data-label={t('bank.fees.settled')}>
                        <Money amountRp={month.settled} />
                      </td>
                      <td class="num" data-label={t('bank.fees.owed')}>
                        <Money amountRp={month.owed} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {notice && (
        <p class="alert alert--success" role="status">
          {notice}
        </p>
      )}
      {owedMonths.length > 0 && (
        <Form onSubmit={submit} aria-label={t('bank.fees.formLabel')}>
          <div class="field">
            <label for="bank-fee-period">{t('bank.fees.period')}</label>
            <select
              id="bank-fee-period"
              value={chosen}
              onChange={(event) => edit(setPeriod)((event.target as HTMLSelectElement).value)}
              disabled={busy}
            >
              {owedMonths.map((month) => (
                <option key={month.period} value={month.period}>
                  {t('bank.fees.periodOption', {
                    period: month.period,
                    owed: formatRupiah(month.owed),
                  })}
                </option>
              ))}
            </select>
            {errors.period && <p class="field__error">{errors.period}</p>}
          </div>
          <MoneyField
            id="bank-fee-amount"
            label={t('bank.fees.amount')}
            amountRp={amount}
            onAmount={edit(setAmount)}
            error={errors.amount}
            disabled={busy}
          />
          <TextField
            id="bank-fee-reference"
            label={t('bank.fees.reference')}
            value={reference}
            onValue={edit(setReference)}
            error={errors.reference}
            hint={t('bank.referenceHint')}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={40}
            disabled={busy}
          />
          <ActionFailure failure={failure} checking={busy} onCheckAgain={submit} />
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('supervisor.working') : t('bank.fees.submit')}
          </button>
        </Form>
      )}
    </section>
  );
}
