import { useState } from 'preact/hooks';
import { api, type ApiSchemas } from '../../../api/client';
import { ActionFailure } from '../../../components/ActionFailure';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Form } from '../../../components/Form';
import { Money } from '../../../components/Money';
import { MoneyField } from '../../../components/MoneyField';
import { PageTitle } from '../../../components/PageTitle';
import { TextField } from '../../../components/TextField';
import { refusalAtField } from '../../../components/refusal-at-field';
import { useKeyedSubmit } from '../../../components/use-keyed-submit';
import { useLoad } from '../../../components/use-load';
import { formatRupiah } from '../../../format/rupiah';
import { t } from '../../../i18n/i18n';
import { Reconciliation } from './Reconciliation';

type Deposit = ApiSchemas['DepositResponse'];

/** The API's rule for a transfer reference: 1-100 visible characters, no spaces. */
const TRANSFER_REF = /^[\x21-\x7e]{1,100}$/;

interface TopUpErrors {
  amount?: string;
  bankTransferRef?: string;
}

/** Deposit PPOB: what the koperasi has at the aggregator, the supervisor's top-ups, and the day's reconciliation. */
export function DepositScreen() {
  const loaded = useLoad((signal) => api.get('/api/v1/billpay/deposit', { signal }), []);
  /** The top-up's answer carries the deposit after it: shown at once, without waiting for a reload. */
  const [latest, setLatest] = useState<Deposit | null>(null);
  const deposit = latest ?? loaded.data;

  const [amount, setAmount] = useState<number | null>(null);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<TopUpErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, failure, clearFailure, edit, submit: sendKeyed } = useKeyedSubmit();

  const submit = async () => {
    const ref = reference.trim();
    const checked: TopUpErrors = {
      amount:
        amount === null
          ? t('common.amountInvalid')
          : amount <= 0
            ? t('common.amountPositive')
            : undefined,
      bankTransferRef:
        ref === ''
          ? t('supervisor.deposit.referenceRequired')
          : TRANSFER_REF.test(ref)
            ? undefined
            : t('supervisor.deposit.referenceInvalid'),
    };
    setErrors(checked);
    setNotice(null);
    clearFailure();
    if (checked.amount || checked.bankTransferRef || amount === null) return;
    await sendKeyed(
      async (idempotencyKey) => {
        const result = await api.post('/api/v1/billpay/deposit/topups', {
          body: { amount, bankTransferRef: ref },
          idempotencyKey,
        });
        setLatest(result.deposit);
        setNotice(
          t('supervisor.deposit.toppedUp', {
            amount: formatRupiah(result.amount),
            reference: result.bankTransferRef,
            balance: formatRupiah(result.deposit.balance),
          }),
        );
        setAmount(null);
        setReference('');
      },
      refusalAtField(
        setErrors,
        {
          DUPLICATE_TRANSFER_REF: {
            field: 'bankTransferRef',
            message: 'supervisor.deposit.referenceUsed',
          },
        },
        { amount: 'common.amountInvalid', bankTransferRef: 'supervisor.deposit.referenceInvalid' },
      ),
    );
  };

  return (
    <div class="supervisor-screen">
      <PageTitle>{t('supervisor.deposit.title')}</PageTitle>
      {loaded.error && !deposit && <ErrorMessage message={loaded.error} />}
      {!deposit && loaded.loading && <p role="status">{t('app.loading')}</p>}
      {deposit && (
        <div class="cards" data-testid="deposit-figures">
          <div class="card">
            <p>{t('supervisor.deposit.balance')}</p>
            <p class="figure" data-testid="deposit-balance">
              <Money amountRp={deposit.balance} />
            </p>
          </div>
          <div class="card">
            <p>{t('supervisor.deposit.reserved')}</p>
            <p class="figure">
              <Money amountRp={deposit.reserved} />
            </p>
          </div>
          <div class="card">
            <p>{t('supervisor.deposit.available')}</p>
            <p class="figure">
              <Money amountRp={deposit.available} />
            </p>
          </div>
        </div>
      )}

      <section class="card" aria-labelledby="topup-title">
        <h2 id="topup-title">{t('supervisor.deposit.topUpTitle')}</h2>
        <p>{t('supervisor.deposit.topUpIntro')}</p>
        {notice && (
          <p class="alert alert--success" role="status">
            {notice}
          </p>
        )}
        <Form onSubmit={submit} aria-label={t('supervisor.deposit.topUpTitle')}>
          <MoneyField
            id="topup-amount"
            label={t('supervisor.deposit.amount')}
            amountRp={amount}
            onAmount={edit(setAmount)}
            error={errors.amount}
            disabled={busy}
          />
          <TextField
            id="topup-reference"
            label={t('supervisor.deposit.reference')}
            value={reference}
            onValue={edit(setReference)}
            error={errors.bankTransferRef}
            hint={t('supervisor.deposit.referenceHint')}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={100}
            disabled={busy}
          />
          <ActionFailure failure={failure} checking={busy} onCheckAgain={submit} />
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('supervisor.working') : t('supervisor.deposit.submit')}
          </button>
        </Form>
      </section>

      <Reconciliation />
    </div>
  );
}
