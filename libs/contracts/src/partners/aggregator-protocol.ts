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
    /** PLN prepaid: meter owner's power class, e.g. R1/1300VA. */
    segment_power?: string;
    bill_rp?: number;
    admin_rp?: number;
    /** What the deposit will be debited if paid now. */
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
  /** Serial number; for PLN prepaid the 20-digit token. */
  sn: string;
  /** Deposit left after this transaction. */
  balance_rp: number;
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
