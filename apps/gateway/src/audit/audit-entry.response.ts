import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry } from '../queries/audit-queries.js';

export class AuditEntryLineResponse {
  @ApiProperty() lineNo!: number;
  @ApiProperty({ example: '111000' }) accountCode!: string;
  @ApiProperty({ type: 'integer', description: 'rupiah' }) debit!: number;
  @ApiProperty({ type: 'integer', description: 'rupiah' }) credit!: number;
  @ApiProperty({ type: String, nullable: true }) tellerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) memberId!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['PPOB', 'LOANS'] }) feeSource!: string | null;
  @ApiProperty({ type: String, nullable: true }) productCode!: string | null;
}

export class AuditEntryTraceResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the store of the event; null on entries from before traces were kept',
  })
  service!: string | null;
  @ApiProperty({ type: String, nullable: true }) eventType!: string | null;
  @ApiProperty({ type: String, nullable: true }) streamId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) streamVersion!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'user id' }) actor!: string | null;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the command id' }) causationId!:
    string | null;
}

export class AuditEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() koperasiId!: string;
  @ApiProperty({ format: 'uuid' }) sourceEventId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) postedAt!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: AuditEntryTraceResponse }) trace!: AuditEntryTraceResponse;
  @ApiProperty({ type: [AuditEntryLineResponse] }) lines!: AuditEntryLineResponse[];
}

export function presentAuditEntry(entry: AuditEntry): AuditEntryResponse {
  return {
    ...entry,
    lines: entry.lines.map(({ debitRp, creditRp, ...line }) => ({
      ...line,
      debit: debitRp,
      credit: creditRp,
    })),
  };
}
