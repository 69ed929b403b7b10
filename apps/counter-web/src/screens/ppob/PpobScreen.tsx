import { useMemo, useState } from 'preact/hooks';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { PageTitle } from '../../components/PageTitle';
import { TextField } from '../../components/TextField';
import { useLoad } from '../../components/use-load';
import { t, type MessageKey } from '../../i18n/i18n';
import { customerNoProblem, isCustomerNoRule, normaliseCustomerNo } from './customer-no-rules';
import { InquiryConfirm } from './InquiryConfirm';
import { groupByKind, type Inquiry, type KindId } from './product-kinds';
import { ProductPicker } from './ProductPicker';

const NUMBER_FIELD = 'ppob-customer-no';

/** Refusals of an inquiry that are about the number typed: shown under it. */
const NUMBER_REFUSALS: Record<string, MessageKey> = {
  CUSTOMER_NOT_FOUND: 'ppob.error.CUSTOMER_NOT_FOUND',
  BILL_NOT_YET_AVAILABLE: 'ppob.error.BILL_NOT_YET_AVAILABLE',
  BILL_ALREADY_PAID: 'ppob.error.BILL_ALREADY_PAID',
  BILL_EXPIRED: 'ppob.error.BILL_EXPIRED',
};
/** Refusals about the product or the time of day: shown above the button. */
const OTHER_REFUSALS: Record<string, MessageKey> = {
  PLN_CUT_OFF: 'ppob.error.PLN_CUT_OFF',
  PRODUCT_NOT_AVAILABLE: 'ppob.error.PRODUCT_NOT_AVAILABLE',
  PRODUCT_NOT_FOUND: 'ppob.error.PRODUCT_NOT_FOUND',
};

/**
 * PPOB at the counter: the kind and nominal, the customer number checked as typed by billpay's rule, the
 * inquiry, then the confirm step (InquiryConfirm) that pays; the outcome is PaymentScreen's.
 */
export function PpobScreen() {
  const catalog = useLoad((signal) => api.get('/api/v1/billpay/products', { signal }), []);
  const groups = useMemo(() => groupByKind(catalog.data ?? []), [catalog.data]);
  const [kindId, setKindId] = useState<KindId | null>(null);
  const [productCode, setProductCode] = useState<string | null>(null);
  const [customerNo, setCustomerNo] = useState('');
  const [numberDone, setNumberDone] = useState(false);
  const [productMissing, setProductMissing] = useState(false);
  const [numberRefusal, setNumberRefusal] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inquiry, setInquiry] = useState<Inquiry | null>(null);

  const kind = groups.find((group) => group.id === kindId) ?? groups[0] ?? null;
  const product = kind
    ? kind.products.length === 1
      ? kind.products[0]
      : (kind.products.find((candidate) => candidate.code === productCode) ?? null)
    : null;
  const rule = kind?.products[0]?.customerNoRule ?? '';
  const numberProblem = customerNoProblem(rule, customerNo, numberDone);
  const numberError = numberProblem ? t(numberProblem) : numberRefusal;

  const chooseKind = (next: KindId) => {
    setKindId(next);
    setProductCode(null);
    setProductMissing(false);
    setNumberRefusal(null);
    setRefusal(null);
  };

  const inquire = async () => {
    if (!kind || busy) return;
    setNumberDone(true);
    setProductMissing(!product);
    setRefusal(null);
    setNumberRefusal(null);
    if (!product || customerNoProblem(rule, customerNo, true)) return;
    setBusy(true);
    try {
      setInquiry(
        await api.post('/api/v1/billpay/inquiries', {
          body: { productCode: product.code, customerNo: normaliseCustomerNo(customerNo) },
        }),
      );
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      if (error instanceof ApiError && error.outcomeUnknown)
        setRefusal(t('ppob.error.inquiryNoAnswer'));
      else if (code === 'INVALID_CUSTOMER_NO')
        setNumberRefusal(
          t(
            isCustomerNoRule(rule)
              ? (`ppob.rule.${rule}` as MessageKey)
              : 'error.VALIDATION_FAILED',
          ),
        );
      else if (NUMBER_REFUSALS[code]) setNumberRefusal(t(NUMBER_REFUSALS[code]));
      else setRefusal(OTHER_REFUSALS[code] ? t(OTHER_REFUSALS[code]) : describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const backToForm = () => {
    setInquiry(null);
    requestAnimationFrame(() => document.getElementById(NUMBER_FIELD)?.focus());
  };

  const customerNoLabel = kind ? t(kind.customerNoLabel) : t('ppob.customerNo.other');
  return (
    <div class="ppob">
      <PageTitle>{t('ppob.title')}</PageTitle>
      {catalog.loading && !catalog.data && <p role="status">{t('app.loading')}</p>}
      {catalog.error && (
        <>
          <ErrorMessage message={catalog.error} />
          <button type="button" class="button" onClick={catalog.reload}>
            {t('app.retry')}
          </button>
        </>
      )}
      {kind && inquiry && (
        <InquiryConfirm
          inquiry={inquiry}
          kind={kind}
          customerNoLabel={customerNoLabel}
          onBack={backToForm}
        />
      )}
      {kind && !inquiry && (
        <Form onSubmit={inquire} aria-label={t('ppob.title')} class="card ppob-form">
          <ProductPicker
            groups={groups}
            kind={kind}
            productCode={product?.code ?? null}
            onKind={chooseKind}
            onProduct={(code) => {
              setProductCode(code);
              setProductMissing(false);
              setRefusal(null);
            }}
            error={productMissing && !product ? t('ppob.nominal.required') : null}
          />
          <TextField
            id={NUMBER_FIELD}
            label={customerNoLabel}
            value={customerNo}
            onValue={(typed) => {
              setCustomerNo(typed);
              setNumberRefusal(null);
            }}
            onBlur={() => customerNo !== '' && setNumberDone(true)}
            onFocus={() => setNumberDone(false)}
            error={numberError}
            hint={isCustomerNoRule(rule) ? t(`ppob.hint.${rule}` as MessageKey) : null}
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            class="ppob-number-field"
          />
          <ErrorMessage message={refusal} />
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy
              ? t('ppob.inquiring')
              : kind.prepaid
                ? t('ppob.inquirePrepaid')
                : t('ppob.inquire')}
          </button>
        </Form>
      )}
    </div>
  );
}
