import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/api-error';
import { newIdempotencyKey } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { Money } from '../../components/Money';
import { MoneyField } from '../../components/MoneyField';
import { ReceiptPanel } from '../../components/ReceiptPanel';
import { UnknownOutcome } from '../../components/UnknownOutcome';
import { useEscape } from '../../components/use-escape';
import { formatRupiah } from '../../format/rupiah';
import { wibToday } from '../../format/wib';
import { t, type MessageKey } from '../../i18n/i18n';
import { paidWajibMonths, type MemberFile } from '../members/member-data';
import { monthNames } from '../members/savings-words';
import {
  sendSavings,
  wajibChoices,
  type Movement,
  type SavingsKind,
  type SavingsRequest,
} from './savings-request';
import { keepTogether } from './keep-together';
import { WajibMonths } from './WajibMonths';

interface SavingsDeskProps {
  file: MemberFile;
  /** The member's record changed (or may have): load it again. */
  onChanged: () => void;
  /** Start another transaction for the same member. */
  onAnother: () => void;
}

const KIND_LABEL: Record<SavingsKind, MessageKey> = {
  pokok: 'savings.kind.pokok',
  wajib: 'savings.kind.wajib',
  setor: 'savings.kind.setor',
  tarik: 'savings.kind.tarik',
};

type Phase =
  | { name: 'form' }
  | { name: 'confirm'; request: SavingsRequest; key: string }
  | { name: 'done'; request: SavingsRequest; movement: Movement };

/**
 * The savings desk for one member: choose pokok, wajib, sukarela setor or tarik; fill in; confirm (one
 * Idempotency-Key made when the confirm step opens, reused on every retry); then the summary and the proof.
 */
export function SavingsDesk({ file, onChanged, onAnother }: SavingsDeskProps) {
  const { member, koperasi, statement } = file;
  const pokokPaid = member.savings.pokok > 0;
  const active = member.status === 'ACTIVE';
  const kinds: SavingsKind[] = [
    ...(pokokPaid ? [] : (['pokok'] as const)),
    ...(active ? (['wajib', 'setor', 'tarik'] as const) : []),
  ];
  const [chosenKind, setKind] = useState<SavingsKind>(kinds[0] ?? 'wajib');
  // The member's record may change under the desk (pokok just paid): a kind no longer offered gives way.
  const kind = kinds.includes(chosenKind) ? chosenKind : (kinds[0] ?? 'wajib');
  const choices = wajibChoices(
    member.wajibArrears.months,
    paidWajibMonths(statement),
    wibToday().slice(0, 7),
  );
  const arrearsKey = member.wajibArrears.months.join(',');
  const [months, setMonths] = useState<string[]>(() => [...member.wajibArrears.months]);
  useEffect(() => setMonths([...member.wajibArrears.months]), [arrearsKey]);
  const [amount, setAmount] = useState<number | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'form' });
  const [sending, setSending] = useState(false);
  const [unknown, setUnknown] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** Set on the first tap, before the page re-renders: a second tap never sends twice. */
  const inFlight = useRef(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  const backToForm = () => {
    if (sending || unknown) return;
    setPhase({ name: 'form' });
    setFailure(null);
  };
  useEscape(phase.name === 'confirm' ? backToForm : null);

  // Before paint: a key pressed as soon as the step shows reaches its button.
  useLayoutEffect(() => {
    if (phase.name === 'confirm') confirmButton.current?.focus();
    if (phase.name === 'done') doneHeading.current?.focus();
  }, [phase.name]);

  if (member.status === 'RESIGNED') return <p class="alert alert--info">{t('savings.resigned')}</p>;

  const sukarela = member.savings.sukarela;
  const overdraw = (wanted: number | null) =>
    kind === 'tarik' && wanted !== null && wanted > sukarela;
  const insufficient = () => t('savings.insufficient', { balance: formatRupiah(sukarela) });

  const chooseKind = (next: SavingsKind) => {
    setKind(next);
    setAmount(null);
    setFieldError(null);
    setFailure(null);
  };

  /** The form checked; the confirm step opens with the key this action keeps until it is answered. */
  const toConfirm = () => {
    setFailure(null);
    let request: SavingsRequest;
    if (kind === 'pokok')
      request = { kind, memberId: member.id, amount: koperasi.simpananPokokAmount, periods: [] };
    else if (kind === 'wajib') {
      if (months.length === 0) {
        setFieldError(t('savings.wajib.noneChosen'));
        return;
      }
      const periods = [...months].sort();
      request = {
        kind,
        memberId: member.id,
        amount: periods.length * koperasi.simpananWajibMonthlyAmount,
        periods,
      };
    } else {
      if (amount === null) {
        setFieldError(t('common.amountInvalid'));
        return;
      }
      if (amount <= 0) {
        setFieldError(t('common.amountPositive'));
        return;
      }
      if (overdraw(amount)) {
        setFieldError(insufficient());
        return;
      }
      request = { kind, memberId: member.id, amount, periods: [] };
    }
    setFieldError(null);
    setUnknown(false);
    setPhase({ name: 'confirm', request, key: newIdempotencyKey() });
  };

  const submit = async () => {
    if (phase.name !== 'confirm' || inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setFailure(null);
    try {
      const movement = await sendSavings(phase.request, phase.key);
      setUnknown(false);
      setPhase({ name: 'done', request: phase.request, movement });
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.outcomeUnknown) {
        // The same request with the same key is all "Periksa lagi" may send: the gateway answers its first outcome.
        setUnknown(true);
        inFlight.current = false;
        return;
      }
      setUnknown(false);
      inFlight.current = false;
      const message = describeError(error, {
        INSUFFICIENT_SUKARELA: insufficient,
        POKOK_ALREADY_PAID: () => t('savings.pokok.alreadyPaid'),
        POKOK_AMOUNT_MISMATCH: () => t('savings.amountChanged'),
        WAJIB_AMOUNT_MISMATCH: () => t('savings.amountChanged'),
        WAJIB_PERIOD_ALREADY_PAID: () => t('savings.wajib.alreadyPaid'),
        WAJIB_PERIOD_BEFORE_JOINING: () => t('savings.wajib.beforeJoining'),
        MEMBER_NOT_ACTIVE: () => t('savings.notActive'),
        MEMBER_RESIGNED: () => t('savings.resigned'),
      });
      // A refusal is told next to what caused it, on the form, with the member's figures fresh.
      setFieldError(message);
      setPhase({ name: 'form' });
      onChanged();
    } finally {
      setSending(false);
    }
  };

  if (phase.name === 'done') {
    const { request, movement } = phase;
    return (
      <section class="savings-done" aria-labelledby="savings-done-title">
        <h2 id="savings-done-title" ref={doneHeading} tabIndex={-1} class="alert alert--success">
          {t(request.kind === 'tarik' ? 'savings.done.paidOut' : 'savings.done.received', {
            kind: t(KIND_LABEL[request.kind]),
            amount: formatRupiah(movement.amount),
          })}
        </h2>
        <dl class="summary">
          <dt>{t('savings.member')}</dt>
          <dd>
            {member.fullName} <span class="nowrap">({member.memberNo})</span>
          </dd>
          <dt>{t('savings.kind')}</dt>
          <dd>{t(KIND_LABEL[request.kind])}</dd>
          {request.kind === 'wajib' && (
            <>
              <dt>{t('savings.wajib.months')}</dt>
              <dd>{monthNames(request.periods)}</dd>
            </>
          )}
          <dt>{t('common.amount')}</dt>
          <dd class="summary__total">
            <Money amountRp={movement.amount} />
          </dd>
          <dt>{t('savings.balance.pokok')}</dt>
          <dd>
            <Money amountRp={movement.savings.pokok} />
          </dd>
          <dt>{t('savings.balance.wajib')}</dt>
          <dd>
            <Money amountRp={movement.savings.wajib} />
          </dd>
          <dt>{t('savings.balance.sukarela')}</dt>
          <dd>
            <Money amountRp={movement.savings.sukarela} />
          </dd>
        </dl>
        <ReceiptPanel kind="simpanan" id={movement.eventId} />
        <div class="button-row">
          <button type="button" class="button" onClick={onAnother}>
            {t('savings.another')}
          </button>
          <a class="button" href={`/anggota/${member.id}`}>
            {t('savings.toMember')}
          </a>
        </div>
      </section>
    );
  }

  if (phase.name === 'confirm') {
    const { request } = phase;
    return (
      <section class="card savings-confirm" aria-labelledby="savings-confirm-title">
        <h2 id="savings-confirm-title">{t('savings.confirm.title')}</h2>
        <dl class="summary">
          <dt>{t('savings.member')}</dt>
          <dd>
            {member.fullName} <span class="nowrap">({member.memberNo})</span>
          </dd>
          <dt>{t('savings.kind')}</dt>
          <dd>{t(KIND_LABEL[request.kind])}</dd>
          {request.kind === 'wajib' && (
            <>
              <dt>{t('savings.wajib.months')}</dt>
              <dd>{monthNames(request.periods)}</dd>
              <dt>{t('savings.wajib.calculation')}</dt>
              <dd>
                {t('savings.wajib.times', {
                  count: request.periods.length,
                  rate: keepTogether(formatRupiah(koperasi.simpananWajibMonthlyAmount)),
                })}
              </dd>
            </>
          )}
          <dt>
            {t(request.kind === 'tarik' ? 'savings.confirm.payOut' : 'savings.confirm.takeIn')}
          </dt>
          <dd class="summary__total">
            <Money amountRp={request.amount} />
          </dd>
          {(request.kind === 'setor' || request.kind === 'tarik') && (
            <>
              <dt>{t('savings.confirm.sukarelaAfter')}</dt>
              <dd>
                <Money
                  amountRp={
                    request.kind === 'setor' ? sukarela + request.amount : sukarela - request.amount
                  }
                />
              </dd>
            </>
          )}
        </dl>
        <ErrorMessage message={failure} />
        {unknown && <UnknownOutcome checking={sending} onCheckAgain={() => void submit()} />}
        <div class="button-row">
          <button
            type="button"
            ref={confirmButton}
            class="button button--primary"
            onClick={() => void submit()}
            disabled={sending || unknown}
          >
            {sending ? t('savings.confirm.sending') : t('savings.confirm.submit')}
          </button>
          <button type="button" class="button" onClick={backToForm} disabled={sending || unknown}>
            {t('savings.confirm.back')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section class="savings-form" aria-labelledby="savings-form-title">
      <h2 id="savings-form-title" class="visually-hidden">
        {t('savings.form.title')}
      </h2>
      {!pokokPaid && (
        <p class="alert alert--info">
          {t('savings.pokokFirst', { amount: formatRupiah(koperasi.simpananPokokAmount) })}
        </p>
      )}
      <fieldset class="kind-choice">
        <legend>{t('savings.kind')}</legend>
        {kinds.map((option) => (
          <label
            key={option}
            class={`kind-choice__option ${option === kind ? 'kind-choice__option--chosen' : ''}`}
          >
            <input
              type="radio"
              name="savings-kind"
              value={option}
              checked={option === kind}
              onChange={() => chooseKind(option)}
            />
            {t(KIND_LABEL[option])}
          </label>
        ))}
      </fieldset>
      <Form onSubmit={toConfirm} aria-label={t(KIND_LABEL[kind])} class="card">
        {kind === 'pokok' && (
          <>
            <p>{t('savings.pokok.explain')}</p>
            <p class="figure">
              <Money amountRp={koperasi.simpananPokokAmount} />
            </p>
            {fieldError && (
              <p class="field__error" role="alert">
                {fieldError}
              </p>
            )}
          </>
        )}
        {kind === 'wajib' && (
          <WajibMonths
            choices={choices}
            chosen={months}
            onChosen={(next) => {
              setMonths(next);
              setFieldError(null);
            }}
            monthlyRp={koperasi.simpananWajibMonthlyAmount}
            error={fieldError}
          />
        )}
        {(kind === 'setor' || kind === 'tarik') && (
          <>
            <p>
              {t('savings.balance.sukarela')}:{' '}
              <strong>
                <Money amountRp={sukarela} />
              </strong>
            </p>
            <MoneyField
              key={kind}
              id="savings-amount"
              label={t(kind === 'setor' ? 'savings.setor.amount' : 'savings.tarik.amount')}
              amountRp={amount}
              onAmount={(next) => {
                setAmount(next);
                setFieldError(overdraw(next) ? insufficient() : null);
              }}
              error={fieldError}
              autoFocus
            />
          </>
        )}
        <div class="button-row">
          <button type="submit" class="button button--primary">
            {t('common.next')}
          </button>
        </div>
      </Form>
    </section>
  );
}
