import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { ApiException } from '../../http/api-exception.js';
import {
  AuditQueries,
  EVENT_STORE_SERVICES,
  type EventStoreService,
} from '../../queries/audit-queries.js';
import { AuditServiceQuery } from '../audit-query.dto.js';
import { AuditScopeGuard, InAuditScope, type AuditScope } from '../audit-scope.guard.js';
import {
  AuditVerifyResponse,
  type BooksVerifyResponse,
  type StoreVerifyResponse,
} from './audit-verify.response.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/verify')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditVerifyController {
  constructor(private readonly queries: AuditQueries) {}

  @Get()
  @ApiOperation({
    summary:
      'Recompute the hash chain of every stream of the scope in every store, and check the books agree with the journal',
    description:
      'Each broken link is named with its service, stream and version. A store that does not answer makes the report not ok: ' +
      'what was not checked is not called clean.',
  })
  @ApiOkResponse({ type: AuditVerifyResponse })
  async verify(
    @InAuditScope() scope: AuditScope,
    @Query() query: AuditServiceQuery,
  ): Promise<AuditVerifyResponse> {
    const services = query.service === undefined ? [...EVENT_STORE_SERVICES] : [query.service];
    const [stores, ledger] = await Promise.all([
      Promise.all(services.map((service) => this.store(service, scope.koperasiIds))),
      query.service === undefined ? this.books(scope.koperasiIds) : Promise.resolve(null),
    ]);
    return {
      ok:
        stores.every((store) => store.status === 'ok') &&
        (ledger === null || ledger.status === 'ok'),
      checkedAt: new Date().toISOString(),
      koperasiCount: scope.koperasiIds.length,
      stores,
      ledger,
    };
  }

  private async store(
    service: EventStoreService,
    koperasiIds: string[],
  ): Promise<StoreVerifyResponse> {
    if (koperasiIds.length === 0)
      return {
        service,
        status: 'ok',
        streamsChecked: 0,
        eventsChecked: 0,
        breaks: [],
        breaksTruncated: false,
      };
    try {
      const report = await this.queries.verify(service, koperasiIds);
      return {
        service,
        status: report.ok ? 'ok' : 'broken',
        streamsChecked: report.streamsChecked,
        eventsChecked: report.eventsChecked,
        breaks: report.breaks,
        breaksTruncated: report.breaksTruncated,
      };
    } catch (error) {
      return {
        service,
        status: 'unavailable',
        streamsChecked: 0,
        eventsChecked: 0,
        breaks: [],
        breaksTruncated: false,
        message: messageOf(error),
      };
    }
  }

  private async books(koperasiIds: string[]): Promise<BooksVerifyResponse> {
    if (koperasiIds.length === 0)
      return { status: 'ok', entriesChecked: 0, unbalancedEntries: [], balanceMismatches: [] };
    try {
      const report = await this.queries.verifyBooks(koperasiIds);
      return {
        status: report.ok ? 'ok' : 'broken',
        entriesChecked: report.entriesChecked,
        unbalancedEntries: report.unbalancedEntries.map(({ debitRp, creditRp, ...entry }) => ({
          ...entry,
          debit: debitRp,
          credit: creditRp,
        })),
        balanceMismatches: report.balanceMismatches.map((mismatch) => ({
          koperasiId: mismatch.koperasiId,
          accountCode: mismatch.accountCode,
          journalDebit: mismatch.journalDebitRp,
          journalCredit: mismatch.journalCreditRp,
          balanceDebit: mismatch.balanceDebitRp,
          balanceCredit: mismatch.balanceCreditRp,
        })),
      };
    } catch (error) {
      return {
        status: 'unavailable',
        entriesChecked: 0,
        unbalancedEntries: [],
        balanceMismatches: [],
        message: messageOf(error),
      };
    }
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ApiException) return error.body.message;
  throw error;
}
