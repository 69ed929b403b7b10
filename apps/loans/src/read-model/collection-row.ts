import type {
  CollectionRefusal,
  CollectionRemittanceState,
  CollectionView,
  InstallmentAllocation,
  InstallmentReceipt,
  LoanProduct,
} from '@koperasi/contracts';
import { nowInWib } from '@koperasi/service-kit';
import type { FeeMode } from '../domain/index.js';

export interface CollectionRow {
  collection_id: string;
  koperasi_id: string;
  loan_no: string;
  product: LoanProduct;
  borrower_name: string;
  period: string;
  amount_rp: string;
  /** Null for collections recorded before the split was kept. */
  allocation: InstallmentAllocation | null;
  fee_rp: string;
  fee_mode: FeeMode;
  teller_id: string;
  collected_at: Date;
  business_date: string;
  notice_status: 'PENDING' | 'ACKNOWLEDGED' | 'REFUSED';
  refusal: CollectionRefusal | null;
  bank_ref: string | null;
  remittance_id: string | null;
  remittance_status: 'SENT' | 'UNKNOWN' | 'CONFIRMED' | null;
}

export const COLLECTION_COLUMNS = `
  c.collection_id, c.koperasi_id, c.loan_no, c.product, c.borrower_name, c.period, c.amount_rp, c.allocation, c.fee_rp, c.fee_mode,
  c.teller_id, c.collected_at, to_char(c.business_date, 'YYYY-MM-DD') AS business_date, c.notice_status, c.bank_ref,
  c.refusal, c.remittance_id, r.status AS remittance_status`;

export const COLLECTION_FROM = `collections c LEFT JOIN remittances r ON r.remittance_id = c.remittance_id`;

export function receiptOf(row: CollectionRow): InstallmentReceipt {
  return {
    collectionId: row.collection_id,
    loanNo: row.loan_no,
    borrowerName: row.borrower_name,
    product: row.product,
    period: row.period,
    amountRp: Number(row.amount_rp),
    allocation: row.allocation,
    feeRp: Number(row.fee_rp),
    feeMode: row.fee_mode,
    collectedAt: nowInWib(row.collected_at.getTime()),
    koperasiId: row.koperasi_id,
    tellerId: row.teller_id,
  };
}

export function collectionViewOf(row: CollectionRow): CollectionView {
  return {
    ...receiptOf(row),
    businessDate: row.business_date,
    noticeStatus: row.notice_status,
    bankRef: row.bank_ref,
    remittanceId: row.remittance_id,
    remittance: remittanceStateOf(row),
    refusal: row.refusal,
  };
}

function remittanceStateOf(row: CollectionRow): CollectionRemittanceState {
  if (row.notice_status === 'REFUSED') return 'REFUSED';
  if (row.remittance_id === null) return 'UNREMITTED';
  return row.remittance_status === 'CONFIRMED' ? 'REMITTED' : 'IN_BATCH';
}
