import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  UseGuards,
} from '@nestjs/common';
import type { CollectionRemittanceState, CollectionView } from '@koperasi/contracts';
import { isCalendarDate } from '@koperasi/domain';
import type { Pool } from 'pg';
import { PG_POOL, isUuid, nowInWib } from '@koperasi/service-kit';
import {
  COLLECTION_COLUMNS,
  COLLECTION_FROM,
  collectionViewOf,
  type CollectionRow,
} from '../read-model/collection-row.js';
import { InternalTokenGuard } from './internal-token.guard.js';

/** A busy counter takes a few hundred a day; a list longer than this is summarised, not listed in full. */
const MAX_COLLECTIONS_LISTED = 1_000;
const STATES: readonly CollectionRemittanceState[] = [
  'UNREMITTED',
  'IN_BATCH',
  'REMITTED',
  'REFUSED',
];

const STATE_CONDITION: Record<CollectionRemittanceState, string> = {
  UNREMITTED: `c.remittance_id IS NULL AND c.notice_status <> 'REFUSED'`,
  IN_BATCH: `c.remittance_id IS NOT NULL AND r.status <> 'CONFIRMED'`,
  REMITTED: `r.status = 'CONFIRMED'`,
  REFUSED: `c.notice_status = 'REFUSED'`,
};

export interface CollectionList {
  date: string;
  status: CollectionRemittanceState | null;
  count: number;
  amountRp: number;
  feeRp: number;
  /** The first MAX_COLLECTIONS_LISTED, oldest first; `count` and the sums cover all of them. */
  collections: CollectionView[];
  truncated: boolean;
}

/** Collections of one koperasi: one collection of another koperasi is not found. */
@Controller('internal/koperasi/:koperasiId/collections')
@UseGuards(InternalTokenGuard)
export class CollectionQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  async list(
    @Param('koperasiId') koperasiId: string,
    @Query('date') date?: string,
    @Query('status') status?: string,
  ): Promise<CollectionList> {
    const day = date ?? nowInWib().slice(0, 10);
    if (!isDate(day)) throw new BadRequestException(`date ${day} is not a date written YYYY-MM-DD`);
    if (status !== undefined && !STATES.includes(status as CollectionRemittanceState)) {
      throw new BadRequestException(`status must be one of ${STATES.join(', ')}`);
    }
    const state = (status as CollectionRemittanceState | undefined) ?? null;
    const empty: CollectionList = {
      date: day,
      status: state,
      count: 0,
      amountRp: 0,
      feeRp: 0,
      collections: [],
      truncated: false,
    };
    if (!isUuid(koperasiId)) return empty;
    const where = `c.koperasi_id = $1 AND c.business_date = $2::date${state ? ` AND ${STATE_CONDITION[state]}` : ''}`;
    const [totals, listed] = await Promise.all([
      this.pool.query<{ count: number; amount_rp: string; fee_rp: string }>(
        `SELECT count(*)::int AS count, COALESCE(sum(c.amount_rp), 0) AS amount_rp, COALESCE(sum(c.fee_rp), 0) AS fee_rp
         FROM ${COLLECTION_FROM} WHERE ${where}`,
        [koperasiId, day],
      ),
      this.pool.query<CollectionRow>(
        `SELECT ${COLLECTION_COLUMNS} FROM ${COLLECTION_FROM} WHERE ${where} ORDER BY c.collected_at, c.collection_id LIMIT $3`,
        [koperasiId, day, MAX_COLLECTIONS_LISTED],
      ),
    ]);
    const { count, amount_rp, fee_rp } = totals.rows[0];
    return {
      ...empty,
      count,
      amountRp: Number(amount_rp),
      feeRp: Number(fee_rp),
      collections: listed.rows.map(collectionViewOf),
      truncated: count > listed.rows.length,
    };
  }

  /** Collections the bank refused, those still owed back to the customer first, then the latest paid back. */
  @Get('refused')
  async refused(@Param('koperasiId') koperasiId: string): Promise<CollectionView[]> {
    if (!isUuid(koperasiId)) return [];
    const { rows } = await this.pool.query<CollectionRow>(
      `SELECT ${COLLECTION_COLUMNS} FROM ${COLLECTION_FROM}
       WHERE c.koperasi_id = $1 AND c.notice_status = 'REFUSED'
       ORDER BY (c.refusal -> 'paidBack') IS NOT NULL AND jsonb_typeof(c.refusal -> 'paidBack') = 'object', c.collected_at DESC LIMIT $2`,
      [koperasiId, MAX_COLLECTIONS_LISTED],
    );
    return rows.map(collectionViewOf);
  }

  @Get(':collectionId')
  async get(
    @Param('koperasiId') koperasiId: string,
    @Param('collectionId') collectionId: string,
  ): Promise<CollectionView> {
    if (isUuid(koperasiId) && isUuid(collectionId)) {
      const { rows } = await this.pool.query<CollectionRow>(
        `SELECT ${COLLECTION_COLUMNS} FROM ${COLLECTION_FROM} WHERE c.collection_id = $1 AND c.koperasi_id = $2`,
        [collectionId, koperasiId],
      );
      if (rows[0]) return collectionViewOf(rows[0]);
    }
    throw new NotFoundException(`No collection ${collectionId} in this koperasi`);
  }
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return isCalendarDate(
    Number(value.slice(0, 4)),
    Number(value.slice(5, 7)),
    Number(value.slice(8, 10)),
  );
}
