import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_STORE_SERVICES } from '../../queries/audit-queries.js';

export type CheckStatus = 'ok' | 'broken' | 'unavailable';

export class ChainBreakResponse {
  @ApiProperty() streamId!: string;
  @ApiProperty() streamVersion!: number;
  @ApiProperty({ example: 'hash does not match the event: it was changed after it was written' })
  reason!: string;
}

export class StoreVerifyResponse {
  @ApiProperty({ enum: EVENT_STORE_SERVICES }) service!: string;
  @ApiProperty({ enum: ['ok', 'broken', 'unavailable'] }) status!: CheckStatus;
  @ApiProperty() streamsChecked!: number;
  @ApiProperty() eventsChecked!: number;
  @ApiProperty({ type: [ChainBreakResponse] }) breaks!: ChainBreakResponse[];
  @ApiProperty({ description: 'more breaks than listed' }) breaksTruncated!: boolean;
  @ApiPropertyOptional({ description: 'why the store could not be checked' }) message?: string;
}

export class UnbalancedEntryResponse {
  @ApiProperty() entryId!: string;
  @ApiProperty() koperasiId!: string;
  @ApiProperty({ type: 'integer' }) debit!: number;
  @ApiProperty({ type: 'integer' }) credit!: number;
}

export class BalanceMismatchResponse {
  @ApiProperty() koperasiId!: string;
  @ApiProperty() accountCode!: string;
  @ApiProperty({ type: 'integer', description: 'sum of the journal lines' }) journalDebit!: number;
  @ApiProperty({ type: 'integer' }) journalCredit!: number;
  @ApiProperty({ type: 'integer', description: 'the running balance the reports show' })
  balanceDebit!: number;
  @ApiProperty({ type: 'integer' }) balanceCredit!: number;
}

export class BooksVerifyResponse {
  @ApiProperty({ enum: ['ok', 'broken', 'unavailable'] }) status!: CheckStatus;
  @ApiProperty() entriesChecked!: number;
  @ApiProperty({ type: [UnbalancedEntryResponse] }) unbalancedEntries!: UnbalancedEntryResponse[];
  @ApiProperty({ type: [BalanceMismatchResponse] }) balanceMismatches!: BalanceMismatchResponse[];
  @ApiPropertyOptional() message?: string;
}

export class AuditVerifyResponse {
  @ApiProperty({
    description: 'true only when every store and the books were checked and nothing is broken',
  })
  ok!: boolean;
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ description: 'koperasi checked' }) koperasiCount!: number;
  @ApiProperty({ type: [StoreVerifyResponse] }) stores!: StoreVerifyResponse[];
  @ApiProperty({
    type: BooksVerifyResponse,
    nullable: true,
    description: 'the ledger; left out when ?service= names one store',
  })
  ledger!: BooksVerifyResponse | null;
}
