import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/api-error';
import { api, newIdempotencyKey, type ApiSchemas } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { MoneyField } from '../../components/MoneyField';
import { PageTitle } from '../../components/PageTitle';
import { ReceiptPanel } from '../../components/ReceiptPanel';
import { TextField } from '../../components/TextField';
import { UnknownOutcome } from '../../components/UnknownOutcome';
import { useEscape } from '../../components/use-escape';
import { useLoad } from '../../components/use-load';
import { formatRupiah } from '../../format/rupiah';
import { formatWibDateTime } from '../../format/wib';
import { t } from '../../i18n/i18n';
import {
  allocationOf,
  dueNowRp,
  feeRp,
  minimumRp,
  type Agreement,
  type LoanView,
} from './installment-math';
import { LoanSummary } from './LoanSummary';
import { PaymentBreakdown } from './PaymentBreakdown';

type Collected = ApiSchemas['CollectInstallmentResponse'];

type Step =
  | { name: 'lookup' }
  | { name: 'amount'; loan: LoanView }
  | { name: 'confirm'; loan: LoanView; amountRp: number; key: string }
  | { name: 'done'; loan: LoanView; amountRp: number; collected: Collected };

const LOAN_NO = /^\d{15}$/;

/** Cash for the bank's KUR/Kupedes loans: look the loan up, agree the amount, confirm once, hand over the receipt. */
export function InstallmentScreen() {
  const [step, setStep] = useState<Step>({ name: 'lookup' });
  const [loanNo, setLoanNo] = useState('');
  const [loanNoError, setLoanNoError] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [lookingUp, setLookingUp] = useState(false);
  const [amountRp, setAmountRp] = useState<number | null>(null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [unknown, setUnknown] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const agreements = useLoad((signal) => api.get('/api/v1/loans/agreements', { signal }), []);

  const agreementOf = (loan: LoanView): Agreement | undefined =>
    agreements.data?.find((agreement) => agreement.product === loan.product);

  const lookUp = async (number: string, then?: string) => {
    setLookupError(null);
    setLoanNoError(null);
    if (!LOAN_NO.test(number)) {
      setLoanNoError(
        number === '' ? t('installments.loanNoRequired') : t('installments.loanNoInvalid'),
      );
      return;
    }
    setLookingUp(true);
    try {
      const loan = await api.get('/api/v1/loans/accounts/{loanNo}', { path: { loanNo: number } });
      if (loan.status !== 'ACTIVE') {
        setStep({ name: 'lookup' });
        setLoanNoError(t('installments.loanClosed', { name: loan.borrowerName }));
        return;
      }
      setAmountRp(dueNowRp(loan));
      setAmountError(null);
      setNotice(then ?? null);
      setStep({ name: 'amount', loan });
    } catch (error) {
      setStep({ name: 'lookup' });
      if (
        error instanceof ApiError &&
        (error.code === 'LOAN_NOT_FOUND' || error.code === 'VALIDATION_FAILED')
      ) {
        setLoanNoError(
          error.code === 'LOAN_NOT_FOUND'
            ? t('installments.loanUnknown')
            : t('installments.loanNoInvalid'),
        );
      } else {
        setLookupError(
          describeError(error, { BANK_UNAVAILABLE: () => t('installments.bankUnavailable') }),
        );
      }
    } finally {
      setLookingUp(false);
    }
  };

  const checkAmount = (loan: LoanView): string | null => {
    const agreement = agreementOf(loan);
    if (amountRp === null) return t('common.amountInvalid');
    if (amountRp <= 0) return t('common.amountPositive');
    if (amountRp > loan.maxPayment)
      return t('installments.overpayment', { max: formatRupiah(loan.maxPayment) });
    const minimum = minimumRp(loan, agreement);
    if (amountRp < minimum)
      return t('installments.partialNotAllowed', {
        product: loan.product,
        min: formatRupiah(minimum),
      });
    return null;
  };

  const toConfirm = (loan: LoanView) => {
    const problem = checkAmount(loan);
    setAmountError(problem);
    if (problem || amountRp === null) return;
    setNotice(null);
    setSent(false);
    setUnknown(false);
    setConfirmError(null);
    // One key for this collection, made now and reused for every retry of it.
    setStep({ name: 'confirm', loan, amountRp, key: newIdempotencyKey() });
  };

  const collect = async (current: Extract<Step, { name: 'confirm' }>) => {
    setSending(true);
    setSent(true);
    setConfirmError(null);
    try {
      const collected = await api.post('/api/v1/loans/installments', {
        body: { loanNo: current.loan.loanNo, amount: current.amountRp },
        idempotencyKey: current.key,
      });
      setUnknown(false);
      setStep({ name: 'done', loan: current.loan, amountRp: current.amountRp, collected });
    } catch (error) {
      refused(current, error);
    } finally {
      setSending(false);
    }
  };

  const refused = (current: Extract<Step, { name: 'confirm' }>, error: unknown) => {
    const code = error instanceof ApiError ? error.code : null;
    if (code === 'BANK_UNAVAILABLE') {
      // The gateway could not read the loan from the bank, so nothing was recorded; the same key may be sent again.
      setConfirmError(t('installments.bankUnavailable'));
      setSent(false);
      return;
    }
    if (error instanceof ApiError && error.outcomeUnknown) {
      setUnknown(true);
      return;
    }
    setUnknown(false);
    switch (code) {
      case 'LOAN_VIEW_STALE':
        void lookUp(current.loan.loanNo, t('installments.viewStale'));
        return;
      case 'OVERPAYMENT':
        setStep({ name: 'amount', loan: current.loan });
        setAmountError(t('installments.overpaymentBank'));
        return;
      case 'PARTIAL_NOT_ALLOWED':
        setStep({ name: 'amount', loan: current.loan });
        setAmountError(
          t('installments.partialNotAllowed', {
            product: current.loan.product,
            min: formatRupiah(minimumRp(current.loan, undefined)),
          }),
        );
        return;
      case 'INVALID_AMOUNT':
        setStep({ name: 'amount', loan: current.loan });
        setAmountError(t('common.amountPositive'));
        return;
      case 'LOAN_CLOSED':
        setStep({ name: 'lookup' });
        setLoanNoError(t('installments.loanClosed', { name: current.loan.borrowerName }));
        return;
      case 'LOAN_NOT_FOUND':
        setStep({ name: 'lookup' });
        setLoanNoError(t('installments.loanUnknown'));
        return;
      default:
        setConfirmError(describeError(error));
    }
  };

  const startOver = () => {
    setStep({ name: 'lookup' });
    setLoanNo('');
    setAmountRp(null);
    setNotice(null);
    setLoanNoError(null);
    setLookupError(null);
  };

  // Esc steps back one step; while an outcome is unknown it stays, so nobody starts the same payment afresh.
  useEscape(
    step.name === 'amount'
      ? () => setStep({ name: 'lookup' })
      : step.name === 'confirm'
        ? () => {
            if (!sending && !unknown) setStep({ name: 'amount', loan: step.loan });
          }
        : null,
  );

  return (
    <div class="installments">
      <PageTitle>{t('installments.title')}</PageTitle>
      {step.name === 'lookup' && (
        <Form onSubmit={() => lookUp(loanNo)} aria-label={t('installments.lookupForm')}>
          <TextField
            id="loanNo"
            label={t('installments.loanNo')}
            value={loanNo}
            onValue={(typed) => setLoanNo(typed.replace(/\D/g, '').slice(0, 15))}
            error={loanNoError}
            hint={t('installments.loanNoHint')}
            inputMode="numeric"
            autoComplete="off"
            autoFocus
          />
          <ErrorMessage message={lookupError} />
          <div class="button-row">
            <button type="submit" class="button button--primary" disabled={lookingUp}>
              {lookingUp ? t('installments.lookingUp') : t('installments.lookUp')}
            </button>
          </div>
        </Form>
      )}

      {step.name === 'amount' && (
        <AmountStep
          loan={step.loan}
          agreement={agreementOf(step.loan)}
          amountRp={amountRp}
          onAmount={(value) => {
            setAmountRp(value);
            setAmountError(null);
          }}
          error={amountError}
          notice={notice}
          onNext={() => toConfirm(step.loan)}
          onBack={() => setStep({ name: 'lookup' })}
          refreshing={lookingUp}
        />
      )}

      {step.name === 'confirm' && (
        <ConfirmStep
          step={step}
          agreement={agreementOf(step.loan)}
          sending={sending}
          sent={sent}
          unknown={unknown}
          error={confirmError}
          onConfirm={() => collect(step)}
          onBack={() => setStep({ name: 'amount', loan: step.loan })}
        />
      )}

      {step.name === 'done' && <DoneStep step={step} onNext={startOver} />}
    </div>
  );
}

interface AmountStepProps {
  loan: LoanView;
  agreement: Agreement | undefined;
  amountRp: number | null;
  onAmount: (amountRp: number | null) => void;
  error: string | null;
  notice: string | null;
  onNext: () => void;
  onBack: () => void;
  refreshing: boolean;
}

function AmountStep({
  loan,
  agreement,
  amountRp,
  onAmount,
  error,
  notice,
  onNext,
  onBack,
  refreshing,
}: AmountStepProps) {
  const fee = amountRp !== null && amountRp > 0 ? feeRp(agreement, amountRp) : null;
  const hint = agreement?.partialAllowed
    ? t('installments.amountHintPartial', { max: formatRupiah(loan.maxPayment) })
    : t('installments.amountHintWhole', {
        min: formatRupiah(minimumRp(loan, agreement)),
        max: formatRupiah(loan.maxPayment),
      });
  return (
    <section aria-labelledby="loan-heading">
      <h2 id="loan-heading">{t('installments.bankView')}</h2>
      {notice && (
        <p class="alert alert--info" role="status">
          {notice}
        </p>
      )}
      <div class="card">
        <LoanSummary loan={loan} />
      </div>
      <Form onSubmit={onNext} aria-label={t('installments.amountForm')}>
        <MoneyField
          id="amount"
          label={t('installments.amount')}
          amountRp={amountRp}
          onAmount={onAmount}
          error={error}
          hint={hint}
          autoFocus
          disabled={refreshing}
        />
        <p class="installment-fee" data-testid="fee-preview">
          {t('installments.fee')}: <strong>{fee === null ? '—' : formatRupiah(fee)}</strong>{' '}
          {agreement?.feeMode === 'NETTED'
            ? t('installments.feeNetted')
            : t('installments.feeBankPays')}
        </p>
        <div class="button-row">
          <button type="submit" class="button button--primary">
            {t('common.next')}
          </button>
          <button type="button" class="button" onClick={onBack}>
            {t('installments.otherLoan')}
          </button>
        </div>
      </Form>
    </section>
  );
}

interface ConfirmStepProps {
  step: Extract<Step, { name: 'confirm' }>;
  agreement: Agreement | undefined;
  sending: boolean;
  sent: boolean;
  unknown: boolean;
  error: string | null;
  onConfirm: () => void;
  onBack: () => void;
}

function ConfirmStep({
  step,
  agreement,
  sending,
  sent,
  unknown,
  error,
  onConfirm,
  onBack,
}: ConfirmStepProps) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => confirmButton.current?.focus(), []);
  return (
    <section aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{t('installments.confirmTitle')}</h2>
      <div class="card">
        <dl class="summary">
          <dt>{t('installments.loanNo')}</dt>
          <dd>{step.loan.loanNo}</dd>
          <dt>{t('installments.borrower')}</dt>
          <dd>{step.loan.borrowerName}</dd>
          <dt>{t('installments.product')}</dt>
          <dd>
            {step.loan.product === 'KUPEDES' ? 'Kupedes' : 'KUR'} ·{' '}
            {t('installments.period', { period: step.loan.period })}
          </dd>
        </dl>
        <PaymentBreakdown
          amountRp={step.amountRp}
          allocation={allocationOf(step.loan, step.amountRp)}
          feeRp={feeRp(agreement, step.amountRp)}
          feeMode={agreement?.feeMode}
        />
      </div>
      <p>{t('installments.confirmHint')}</p>
      {unknown ? (
        <UnknownOutcome checking={sending} onCheckAgain={onConfirm} />
      ) : (
        <>
          <ErrorMessage message={error} />
          <div class="button-row">
            <button
              ref={confirmButton}
              type="button"
              class="button button--primary"
              onClick={onConfirm}
              disabled={sending || sent}
            >
              {sending
                ? t('installments.collecting')
                : error && !sent
                  ? t('app.retry')
                  : t('installments.collect', { amount: formatRupiah(step.amountRp) })}
            </button>
            <button type="button" class="button" onClick={onBack} disabled={sending}>
              {t('app.back')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function DoneStep({ step, onNext }: { step: Extract<Step, { name: 'done' }>; onNext: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  const { receipt } = step.collected;
  return (
    <section aria-labelledby="done-heading">
      <h2 id="done-heading" ref={heading} tabIndex={-1} class="page-title">
        {t('installments.doneTitle')}
      </h2>
      <p class="alert alert--success" role="status">
        {t('installments.done', {
          amount: formatRupiah(receipt.amount),
          name: receipt.borrowerName,
        })}
      </p>
      <div class="card">
        <dl class="summary">
          <dt>{t('installments.loanNo')}</dt>
          <dd>{receipt.loanNo}</dd>
          <dt>{t('installments.borrower')}</dt>
          <dd>{receipt.borrowerName}</dd>
          <dt>{t('installments.product')}</dt>
          <dd>
            {receipt.product === 'KUPEDES' ? 'Kupedes' : 'KUR'} ·{' '}
            {t('installments.period', { period: receipt.period })}
          </dd>
          <dt>{t('installments.collectedAt')}</dt>
          <dd>{formatWibDateTime(receipt.collectedAt)}</dd>
          <dt>{t('installments.reference')}</dt>
          <dd class="installments__ref">{receipt.collectionId}</dd>
        </dl>
        <PaymentBreakdown
          amountRp={receipt.amount}
          allocation={allocationOf(step.loan, receipt.amount, receipt.allocation)}
          feeRp={receipt.fee}
          feeMode={receipt.feeMode}
        />
      </div>
      <ReceiptPanel kind="angsuran" id={step.collected.collectionId} />
      <div class="button-row">
        <button type="button" class="button" onClick={onNext}>
          {t('installments.next')}
        </button>
      </div>
    </section>
  );
}
