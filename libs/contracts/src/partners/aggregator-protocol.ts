/**
 * The PPOB aggregator's HTTP protocol (Digiflazz-like), spoken by billpay's adapter and by partner-sim.
 * Every request is JSON `POST`ed with our `username` and `sign = hex(HMAC-SHA256(apiKey, username + ref_id))`
 * (`ref_id` is '' for balance and statement). Amounts are integer rupiah. The HTTP status is 200 whenever the
 * request was understood; the outcome is in `rc`.
 */
export const AggregatorPaths = {
  inquiry: '/aggregator/v1/inquiry',
  transaction: '/aggregator/v1/transaction',
  status: '/aggregator/v1/status',
  balance: '/aggregator/v1/balance',
  statement: '/aggregator/v1/statement',
} as const;

/** Response codes; every code not listed as SUCCESS or FAILED-final means the outcome is unknown. */
export const AggregatorRc = {
  success: '00',
  timeout: '01',
  failed: '02',
  pending: '03',
  billExpired: '04',
  invalidSignature: '40',
  transactionNotFound: '43',
  depositTooLow: '44',
  duplicateRefId: '49',
  alreadyPaid: '50',
  wrongCustomerNo: '54',
  unknownProduct: '55',
  billNotYetAvailable: '60',
  plnCutOff: '109',
} as const;

export type AggregatorStatus = 'Sukses' | 'Pending' | 'Gagal';

export interface AggregatorSigned {
  username: string;
  sign: string;
}

export interface InquiryRequest extends AggregatorSigned {
  ref_id: string;
  product_code: string;
  customer_no: string;
}

export interface InquiryResponse {
  data: {
    ref_id: string;
    product_code: string;
    customer_no: string;
    status: AggregatorStatus;
    rc: string;
    message: string;
    customer_name?: string;
    /** Postpaid: the billing period, e.g. 202611. */
    period?: string;
    /** PLN (prepaid and postpaid): the tariff and power class, e.g. R1/1300VA. */
    segment_power?: string;
    /** PLN: the customer id (IDPEL, 12 digits); for prepaid it differs from the meter number asked about. */
    subscriber_id?: string;
    /** Postpaid: the bill itself, without any penalty. */
    bill_rp?: number;
    /** Postpaid: the late-payment penalty (denda) owed on top of `bill_rp`; absent or 0 when there is none. */
    penalty_rp?: number;
    admin_rp?: number;
    /** What the deposit will be debited if paid now (bill, penalty and the aggregator's margin). */
    price_rp?: number;
  };
}

/** Pay; postpaid uses the inquiry's ref_id. Prepaid products carry the denomination in the product code. */
export interface TransactionRequest extends AggregatorSigned {
  ref_id: string;
  product_code: string;
  customer_no: string;
}

/** The answer to a transaction and to a status check, and the body of a callback. */
export interface TransactionResult {
  ref_id: string;
  product_code: string;
  customer_no: string;
  status: AggregatorStatus;
  rc: string;
  message: string;
  price_rp: number;
  /** Serial number; for PLN prepaid the 20-digit token, for telco credit the operator's serial number. */
  sn: string;
  /** Deposit left after this transaction. */
  balance_rp: number;
  /** The aggregator's own transaction id (its reference), once it has taken the ref_id. */
  trx_id?: string;
  /** The biller's name for the customer, where the biller gives one (PLN, postpaid). */
  customer_name?: string;
  /** PLN: the customer id (IDPEL, 12 digits). */
  subscriber_id?: string;
  /** PLN: tariff and power class, e.g. R1/1300VA. */
  segment_power?: string;
  /** PLN prepaid, on success: the energy bought in kWh, a decimal with a point and one decimal, e.g. "32.5". */
  kwh?: string;
}

export interface TransactionResponse {
  data: TransactionResult;
}

export interface StatusRequest extends AggregatorSigned {
  ref_id: string;
}

export interface BalanceResponse {
  data: { deposit_rp: number };
}

export interface StatementRequest extends AggregatorSigned {
  /** WIB business date YYYY-MM-DD. */
  date: string;
}

export interface AggregatorStatementLine {
  /** Our ref_id for DEBIT and REFUND; the transfer reference for TOPUP. */
  ref_id: string;
  type: 'TOPUP' | 'DEBIT' | 'REFUND';
  amount_rp: number;
  balance_after_rp: number;
  at: string;
}

export interface StatementResponse {
  data: { date: string; opening_rp: number; closing_rp: number; lines: AggregatorStatementLine[] };
}

/**
 * A callback POSTed by the aggregator to our callback URL. Header `X-Hub-Signature: sha1=<hex HMAC-SHA1(callbackSecret, raw body)>`.
 * `callback_id` is unique per delivery attempt's content and `sent_at` bounds how old a callback may be.
 */
export interface AggregatorCallback {
  callback_id: string;
  sent_at: string;
  data: TransactionResult;
}

export const CALLBACK_SIGNATURE_HEADER = 'x-hub-signature';
