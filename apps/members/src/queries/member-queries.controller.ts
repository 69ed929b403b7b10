import {
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
  UseGuards,
} from '@nestjs/common';
import type { MemberView, StatementLine } from '@koperasi/contracts';
import type { Pool } from 'pg';
import { PG_POOL, currentMonthInWib, isUuid } from '@koperasi/service-kit';
import { rupiahOf } from '../koperasi/koperasi-row.js';
import { InternalTokenGuard } from './internal-token.guard.js';
import { MEMBER_VIEW_QUERY, memberViewOf, type MemberRow } from './member-row.js';

const MAX_MEMBERS_FOUND = 50;
/** A member's statement over decades of monthly wajib stays well under this. */
const MAX_STATEMENT_LINES = 5000;

interface MovementRow {
  event_id: string;
  occurred_at: Date;
  kind: StatementLine['kind'];
  description: string;
  amount_rp: string;
  pokok_rp: string;
  wajib_rp: string;
  sukarela_rp: string;
}

/** Read-model queries, always inside one koperasi: a member of another koperasi is not found. */
@Controller('internal/koperasi/:koperasiId/members')
@UseGuards(InternalTokenGuard)
export class MemberQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  async search(
    @Param('koperasiId') koperasiId: string,
    @Query('nik') nik?: string,
    @Query('q') q?: string,
  ): Promise<MemberView[]> {
    if (!isUuid(koperasiId)) return [];
    const name = blankToNull(q);
    const { rows } = await this.pool.query<MemberRow>(
      `${MEMBER_VIEW_QUERY}
       WHERE m.koperasi_id = $1
         AND ($2::text IS NULL OR m.nik = $2)
         AND ($3::text IS NULL OR m.full_name ILIKE '%' || $3 || '%')
       ORDER BY m.member_no LIMIT $4`,
      [koperasiId, blankToNull(nik), name === null ? null : escapeLike(name), MAX_MEMBERS_FOUND],
    );
    const month = currentMonthInWib();
    return rows.map((row) => memberViewOf(row, month));
  }

  @Get(':memberId')
  async get(
    @Param('koperasiId') koperasiId: string,
    @Param('memberId') memberId: string,
  ): Promise<MemberView> {
    const row = await this.findMember(koperasiId, memberId);
    return memberViewOf(row, currentMonthInWib());
  }

  @Get(':memberId/statement')
  async statement(
    @Param('koperasiId') koperasiId: string,
    @Param('memberId') memberId: string,
  ): Promise<StatementLine[]> {
    await this.findMember(koperasiId, memberId);
    const { rows } = await this.pool.query<MovementRow>(
      `SELECT event_id, occurred_at, kind, description, amount_rp, pokok_rp, wajib_rp, sukarela_rp
       FROM savings_movements WHERE member_id = $1 ORDER BY stream_version LIMIT $2`,
      [memberId, MAX_STATEMENT_LINES],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      occurredAt: row.occurred_at.toISOString(),
      kind: row.kind,
      description: row.description,
      amountRp: rupiahOf(row.amount_rp),
      balances: {
        pokokRp: rupiahOf(row.pokok_rp),
        wajibRp: rupiahOf(row.wajib_rp),
        sukarelaRp: rupiahOf(row.sukarela_rp),
      },
    }));
  }

  private async findMember(koperasiId: string, memberId: string): Promise<MemberRow> {
    if (isUuid(koperasiId) && isUuid(memberId)) {
      const { rows } = await this.pool.query<MemberRow>(
        `${MEMBER_VIEW_QUERY} WHERE m.id = $1 AND m.koperasi_id = $2`,
        [memberId, koperasiId],
      );
      if (rows[0]) return rows[0];
    }
    throw new NotFoundException(`No member ${memberId} in this koperasi`);
  }
}

function blankToNull(value: string | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The name is matched as typed: % and _ in it are letters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
