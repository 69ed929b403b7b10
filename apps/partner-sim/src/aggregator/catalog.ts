export type ProductKind = 'PREPAID' | 'POSTPAID';
export type Biller = 'PLN' | 'TELKOMSEL' | 'PDAM' | 'BPJS_KESEHATAN';

export interface CatalogProduct {
  code: string;
  kind: ProductKind;
  biller: Biller;
  /** Prepaid: the denomination the customer gets. */
  nominalRp?: number;
  /** Prepaid: what the deposit is debited. Postpaid prices follow the bill. */
  priceRp?: number;
  /** The customer number's shape for this product, and what it is called. */
  customerNoPattern: RegExp;
  customerNoName: string;
}

const PLN_METER = { customerNoPattern: /^\d{11}$/, customerNoName: 'an 11-digit PLN meter number' };
const TELCO_PHONE = {
  customerNoPattern: /^08\d{8,11}$/,
  customerNoName: 'a phone number: 08 and 8 to 11 more digits',
};

/** What the aggregator sells. */
export const AGGREGATOR_CATALOG: Readonly<Record<string, CatalogProduct>> = {
  PLN20: {
    code: 'PLN20',
    kind: 'PREPAID',
    biller: 'PLN',
    nominalRp: 20_000,
    priceRp: 20_150,
    ...PLN_METER,
  },
  PLN50: {
    code: 'PLN50',
    kind: 'PREPAID',
    biller: 'PLN',
    nominalRp: 50_000,
    priceRp: 50_150,
    ...PLN_METER,
  },
  PLN100: {
    code: 'PLN100',
    kind: 'PREPAID',
    biller: 'PLN',
    nominalRp: 100_000,
    priceRp: 100_150,
    ...PLN_METER,
  },
  TSEL10: {
    code: 'TSEL10',
    kind: 'PREPAID',
    biller: 'TELKOMSEL',
    nominalRp: 10_000,
    priceRp: 10_250,
    ...TELCO_PHONE,
  },
  TSEL25: {
    code: 'TSEL25',
    kind: 'PREPAID',
    biller: 'TELKOMSEL',
    nominalRp: 25_000,
    priceRp: 25_200,
    ...TELCO_PHONE,
  },
  PLNPOST: {
    code: 'PLNPOST',
    kind: 'POSTPAID',
    biller: 'PLN',
    customerNoPattern: /^\d{12}$/,
    customerNoName: 'a 12-digit PLN customer id (IDPEL)',
  },
  PDAM: {
    code: 'PDAM',
    kind: 'POSTPAID',
    biller: 'PDAM',
    customerNoPattern: /^\d{10}$/,
    customerNoName: 'a 10-digit PDAM customer number',
  },
  BPJSKES: {
    code: 'BPJSKES',
    kind: 'POSTPAID',
    biller: 'BPJS_KESEHATAN',
    customerNoPattern: /^88888\d{11}$/,
    customerNoName: 'a 16-digit BPJS Kesehatan number starting 88888',
  },
};

/** The aggregator's admin fee shown on postpaid bills, and its margin over the bill (price = bill + margin). */
export const POSTPAID_ADMIN_RP = 2_500;
export const POSTPAID_MARGIN_RP = 1_800;
