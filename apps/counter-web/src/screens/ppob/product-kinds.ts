import type { ApiSchemas } from '../../api/client';
import type { MessageKey } from '../../i18n/i18n';

export type Product = ApiSchemas['ProductResponse'];
export type Inquiry = ApiSchemas['InquiryResponse'];
export type Payment = ApiSchemas['PaymentResponse'];

/** What the teller picks first, in the counter's order; a product's kind follows from its customer-number rule. */
export type KindId = 'token' | 'plnpost' | 'pdam' | 'bpjs' | 'pulsa' | 'other';

interface Kind {
  id: KindId;
  label: MessageKey;
  customerNoLabel: MessageKey;
  /** The customer picks a nominal (prepaid); a bill's amount comes from the inquiry. */
  prepaid: boolean;
}

const KINDS: Kind[] = [
  {
    id: 'token',
    label: 'ppob.kind.token',
    customerNoLabel: 'ppob.customerNo.meter',
    prepaid: true,
  },
  {
    id: 'plnpost',
    label: 'ppob.kind.plnpost',
    customerNoLabel: 'ppob.customerNo.idpel',
    prepaid: false,
  },
  { id: 'pdam', label: 'ppob.kind.pdam', customerNoLabel: 'ppob.customerNo.pdam', prepaid: false },
  { id: 'bpjs', label: 'ppob.kind.bpjs', customerNoLabel: 'ppob.customerNo.bpjs', prepaid: false },
  {
    id: 'pulsa',
    label: 'ppob.kind.pulsa',
    customerNoLabel: 'ppob.customerNo.phone',
    prepaid: true,
  },
  {
    id: 'other',
    label: 'ppob.kind.other',
    customerNoLabel: 'ppob.customerNo.other',
    prepaid: false,
  },
];

function kindOf(product: Product): KindId {
  switch (product.customerNoRule) {
    case 'PLN_METER':
      return 'token';
    case 'PLN_IDPEL':
      return 'plnpost';
    case 'PDAM':
      return 'pdam';
    case 'BPJS':
      return 'bpjs';
    case 'PHONE':
      return 'pulsa';
    default:
      return 'other';
  }
}

/** What the customer number is called for a product of this rule (Nomor meter, IDPEL, Nomor HP, ...). */
export function customerNoLabelOf(rule: string | undefined): MessageKey {
  const kind = KINDS.find(
    (candidate) => candidate.id === kindOf({ customerNoRule: rule } as Product),
  );
  return kind?.customerNoLabel ?? 'ppob.customerNo.other';
}

export interface KindGroup extends Kind {
  products: Product[];
}

/** The catalog grouped by kind, kinds without products left out; nominals from the smallest. */
export function groupByKind(products: readonly Product[]): KindGroup[] {
  return KINDS.map((kind) => ({
    ...kind,
    products: products
      .filter((product) => kindOf(product) === kind.id)
      .sort(
        (a, b) => (a.denomination ?? 0) - (b.denomination ?? 0) || a.code.localeCompare(b.code),
      ),
  })).filter((group) => group.products.length > 0);
}

/** `202611` (the API's YYYYMM) as `2026-11`, which formatPeriod reads. */
export function periodOf(yyyymm: string): string {
  return /^\d{6}$/.test(yyyymm) ? `${yyyymm.slice(0, 4)}-${yyyymm.slice(4)}` : yyyymm;
}

/** The PLN token as five groups of four digits, `1234 5678 9012 3456 7890`. */
export function tokenGroups(token: string): string {
  const digits = token.replace(/\D/g, '');
  return digits.length === 20 ? (digits.match(/\d{4}/g) ?? []).join(' ') : token;
}

/** `33.6` (the API's decimal with a point) as `33,6`. */
export function kwhText(kwh: string): string {
  return kwh.replace('.', ',');
}
