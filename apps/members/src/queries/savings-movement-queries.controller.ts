import {
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Query,
  UseGuards,
} from '@nestjs/common';
import type { SavingsMovementView, StatementLine } from '@koperasi/contracts';
import { isCalendarDate } from '@koperasi/domain';
import type { Pool } from 'pg';
import { PG_POOL, isUuid } from '@koperasi/service-kit';
import { rupiahOf } from '../koperasi/koperasi-row.js';
import { InternalTokenGuard } from './internal-token.guard.js';

/** A teller's day stays far below this; more would be a runaway query, not a day at one counter. */
const MAX_MOVEMENTS = 2000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface MovementRow {
  event_id: string;
  occurred_at: Date;
  kind: StatementLine['kind'];
  amount_rp: string;
  member_id: string;
  member_no: string;
  full_name: string;
  teller_id: string | null;
  periods: string[] | null;
  pokok_rp: string;
  wajib_rp: string;
  sukarela_rp: string;
}

const MOVEMENT_QUERY = `
  SELECT s.event_id, s.occurred_at, s.kind, s.amount_rp, s.member_id, m.member_no, m.full_name,
         e.data->>'tellerId' AS teller_id,
         CASE WHEN jsonb_typeof(e.data->'periods') = 'array'
              THEN ARRAY(SELECT jsonb_array_elements_text(e.data->'periods')) END AS periods,
         s.pokok_rp, s.wajib_rp, s.sukarela_rp
  FROM savings_movements s
  JOIN members m ON m.id = s.member_id
  LEFT JOIN events e ON e.event_id = s.event_id`;

/**
 * Savings movements of one koperasi: a WIB day's, optionally one teller's (the counter's own day), or one by
 * its event id (what a savings receipt prints). Another koperasi's movement is not found.
 */
@Controller('internal/koperasi/:koperasiId/savings-movements')
@UseGuards(InternalTokenGuard)
export class SavingsMovementQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  async list(
    @Param('koperasiId') koperasiId: string,
    @Query('date') date?: string,
    @Query('tellerId') tellerId?: string,
  ): Promise<SavingsMovementView[]> {
    const match = DATE.exec(date ?? '');
    if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      throw badQuery('date', 'must be a calendar date written YYYY-MM-DD');
    }
    if (!isUuid(koperasiId)) return [];
    const teller = typeof tellerId === 'string' && tellerId.trim() !== '' ? tellerId.trim() : null;
    const { rows } = await this.pool.query<MovementRow>(
      `${MOVEMENT_QUERY}
       WHERE s.koperasi_id = $1
         AND s.occurred_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Jakarta')
         AND s.occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')
         AND ($3::text IS NULL OR e.data->>'tellerId' = $3)
       ORDER BY s.occurred_at, s.event_id LIMIT $4`,
      [koperasiId, date, teller, MAX_MOVEMENTS],
    );
    return rows.map(movementViewOf);
  }

  @Get(':eventId')
  async get(
    @Param('koperasiId') koperasiId: string,
    @Param('eventId') eventId: string,
  ): Promise<SavingsMovementView> {
    if (isUuid(koperasiId) && isUuid(eventId)) {
      const { rows } = await this.pool.query<MovementRow>(
        `${MOVEMENT_QUERY} WHERE s.event_id = $1 AND s.koperasi_id = $2`,
        [eventId, koperasiId],
      );
      if (rows[0]) return movementViewOf(rows[0]);
    }
    throw new NotFoundException(`No savings transaction ${eventId} in this koperasi`);
  }
}

function movementViewOf(row: MovementRow): SavingsMovementView {
  return {
    eventId: row.event_id,
    occurredAt: row.occurred_at.toISOString(),
    kind: row.kind,
    amountRp: Math.abs(rupiahOf(row.amount_rp)),
    memberId: row.member_id,
    memberNo: row.member_no,
    memberName: row.full_name,
    tellerId: row.teller_id,
    periods: row.periods ?? [],
    balances: {
      pokokRp: rupiahOf(row.pokok_rp),
      wajibRp: rupiahOf(row.wajib_rp),
      sukarelaRp: rupiahOf(row.sukarela_rp),
    },
  };
}

function badQuery(field: string, problem: string): HttpException {
  return new HttpException(
    {
      statusCode: 400,
      error: 'BAD_QUERY',
      message: `${field} ${problem}`,
      details: [{ field, problems: [problem] }],
    },
    HttpStatus.BAD_REQUEST,
  );
}
