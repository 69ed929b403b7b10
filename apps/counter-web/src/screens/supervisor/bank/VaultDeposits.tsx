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

interface DepositErrors {
  amount?: string;
  slipRef?: string;
}

/** Setor ke bank: the vault's balance, the form that records a slip, and the slips recorded. */
export function VaultDeposits() {
  const loaded = useLoad((signal) => api.get('/api/v1/bank/deposits', { signal }), []);
  const [amount, setAmount] = useState<number | null>(null);
  const [slipRef, setSlipRef] = useState('');
  const [errors, setErrors] = useState<DepositErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, failure, clearFailure, edit, submit: sendKeyed } = useKeyedSubmit();
  const data = loaded.data;

  const submit = async () => {
    const ref = slipRef.trim();
    const checked: DepositErrors = {
      amount:
        amount === null
          ? t('common.amountInvalid')
          : amount <= 0
            ? t('common.amountPositive')
            : data && amount > data.vaultBalance
              ? t('bank.deposit.moreThanVault', {
                  vault: formatRupiah(Math.max(data.vaultBalance, 0)),
                })
              : undefined,
      slipRef:
        ref === ''
          ? t('bank.referenceRequired')
          : BANK_REFERENCE.test(ref)
            ? undefined
            : t('bank.referenceInvalid'),
    };
    setErrors(checked);
    setNotice(null);
    clearFailure();
    if (checked.amount || checked.slipRef || amount === null) return;
    await sendKeyed(
      async (idempotencyKey) => {
        const recorded = await api.post('/api/v1/bank/deposits', {
          body: { amount, slipRef: ref },
          idempotencyKey,
        });
        setNotice(
          t('bank.deposit.recorded', {
            amount: formatRupiah(recorded.amount),
            slip: recorded.slipRef,
          }),
        );
        setAmount(null);
        setSlipRef('');
        loaded.reload();
      },
      refusalAtField(
        setErrors,
        {
          SLIP_ALREADY_RECORDED: { field: 'slipRef', message: 'bank.deposit.slipUsed' },
          MORE_THAN_VAULT: { field: 'amount', message: 'bank.deposit.moreThanVaultNow' },
        },
        { amount: 'common.amountInvalid', slipRef: 'bank.referenceInvalid' },
      ),
    );
  };

  return (
    <section class="card" aria-labelledby="vault-title" data-testid="vault-deposits">
      <h2 id="vault-title">{t('bank.deposit.title')}</h2>
      <p>{t('bank.deposit.intro')}</p>
      {loaded.error && !data && <ErrorMessage message={loaded.error} />}
      {data && (
        <p>
          {t('bank.deposit.vault')}{' '}
          <strong class="figure" data-testid="vault-balance">
            <Money amountRp={data.vaultBalance} />
          </strong>
        </p>
      )}
      {notice && (
        <p class="alert alert--success" role="status">
          {notice}
        </p>
      )}
      <Form onSubmit={submit} aria-label={t('bank.deposit.title')}>
        <MoneyField
          id="bank-deposit-amount"
          label={t('bank.deposit.amount')}
          amountRp={amount}
          onAmount={edit(setAmount)}
          error={errors.amount}
          disabled={busy}
        />
        <TextField
          id="bank-deposit-slip"
          label={t('bank.deposit.slip')}
          value={slipRef}
          onValue={edit(setSlipRef)}
          error={errors.slipRef}
          hint={t('bank.referenceHint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          maxLength={40}
          disabled={busy}
        />
        <ActionFailure failure={failure} checking={busy} onCheckAgain={submit} />
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('supervisor.working') : t('bank.deposit.submit')}
        </button>
      </Form>
      {data && data.deposits.length > 0 && (
        <div class="table-wrap">
          <table class="supervisor-table">
            <caption class="visually-hidden">{t('bank.deposit.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bank.recordedAt')}</th>
                <th scope="col">{t('bank.deposit.slip')}</th>
                <th scope="col" class="num">
                  {t('common.amount')}
                </th>
                <th scope="col">{t('bank.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {data.deposits.map((deposit) => (
                <tr key={deposit.depositId}>
                  <td data-label={t('bank.recordedAt')}>
                    {deposit.recordedAt.slice(0, 16).replace('T', ' ')}
                  </td>
                  <td class="cell-ref" data-label={t('bank.deposit.slip')}>
                    {deposit.slipRef}
                  </td>
                  <td class="num" data-label={t('common.amount')}>
                    <Money amountRp={deposit.amount} />
                  </td>
                  <td data-label={t('bank.recordedBy')}>{deposit.recordedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
