import { Inject, Injectable } from '@nestjs/common';
import type { LoanProduct } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';
import {
  DEFAULT_AGREEMENTS,
  LOAN_PRODUCTS,
  type CollectionAgreement,
  type FeeMode,
} from '../domain/index.js';

interface AgreementRow {
  product: LoanProduct;
  fee_kind: 'FIXED' | 'PERCENT';
  fee_fixed_rp: string | null;
  fee_basis_points: number | null;
  partial_allowed: boolean;
  fee_mode: FeeMode;
  updated_by: string;
  updated_at: Date;
}

export interface AgreementInForce extends CollectionAgreement {
  /** False while the koperasi has set nothing and our defaults apply. */
  agreed: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * How long a collection may use an agreement read earlier. A change made through this process applies at once;
 * one made through another instance of the service, within this time.
 */
const AGREEMENT_CACHE_MS = 5_000;
/** Koperasi x products cached at most; the oldest entry goes first. */
const MAX_CACHED_AGREEMENTS = 10_000;

/** Each koperasi's collection agreements; a product it has not set falls back to DEFAULT_AGREEMENTS. */
@Injectable()
export class AgreementsRepository {
  /** Every collection needs its agreement, which almost never changes: one query per koperasi and product every few seconds. */
  private readonly cache = new Map<string, { agreement: CollectionAgreement; readAtMs: number }>();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async inForce(koperasiId: string, product: LoanProduct): Promise<CollectionAgreement> {
    const key = `${koperasiId}:${product}`;
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.readAtMs < AGREEMENT_CACHE_MS) return cached.agreement;
    const { rows } = await this.pool.query<AgreementRow>(`${SELECT_AGREEMENTS} AND product = $2`, [
      koperasiId,
      product,
    ]);
    const agreement = rows[0] ? agreementOf(rows[0]) : DEFAULT_AGREEMENTS[product];
    this.cache.delete(key);
    if (this.cache.size >= MAX_CACHED_AGREEMENTS)
      this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { agreement, readAtMs: Date.now() });
    return agreement;
  }

  async all(koperasiId: string): Promise<AgreementInForce[]> {
    const { rows } = await this.pool.query<AgreementRow>(SELECT_AGREEMENTS, [koperasiId]);
    return LOAN_PRODUCTS.map((product) => {
      const row = rows.find((candidate) => candidate.product === product);
      return row
        ? {
            ...agreementOf(row),
            agreed: true,
            updatedBy: row.updated_by,
            updatedAt: row.updated_at.toISOString(),
          }
        : { ...DEFAULT_AGREEMENTS[product], agreed: false, updatedBy: null, updatedAt: null };
    });
  }

  async save(koperasiId: string, agreement: CollectionAgreement, updatedBy: string): Promise<void> {
    const { fee } = agreement;
    await this.pool.query(
      `INSERT INTO collection_agreements
         (koperasi_id, product, fee_kind, fee_fixed_rp, fee_basis_points, partial_allowed, fee_mode, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (koperasi_id, product) DO UPDATE SET
         fee_kind = EXCLUDED.fee_kind, fee_fixed_rp = EXCLUDED.fee_fixed_rp, fee_basis_points = EXCLUDED.fee_basis_points,
         partial_allowed = EXCLUDED.partial_allowed, fee_mode = EXCLUDED.fee_mode,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [
        koperasiId,
        agreement.product,
        fee.kind,
        fee.kind === 'FIXED' ? fee.feeRp : null,
        fee.kind === 'PERCENT' ? fee.basisPoints : null,
        agreement.partialAllowed,
        agreement.feeMode,
        updatedBy,
      ],
    );
    this.cache.delete(`${koperasiId}:${agreement.product}`);
  }
}

const SELECT_AGREEMENTS = `
  SELECT product, fee_kind, fee_fixed_rp, fee_basis_points, partial_allowed, fee_mode, updated_by, updated_at
  FROM collection_agreements WHERE koperasi_id = $1`;

function agreementOf(row: AgreementRow): CollectionAgreement {
  return {
    product: row.product,
    fee:
      row.fee_kind === 'FIXED'
        ? { kind: 'FIXED', feeRp: Number(row.fee_fixed_rp) }
        : { kind: 'PERCENT', basisPoints: Number(row.fee_basis_points) },
    partialAllowed: row.partial_allowed,
    feeMode: row.fee_mode,
  };
}
