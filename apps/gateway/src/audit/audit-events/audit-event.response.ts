import { ApiProperty } from '@nestjs/swagger';
import { EVENT_STORE_SERVICES, type EventStoreService } from '../../queries/audit-queries.js';

/** An event exactly as its store keeps it. */
export class AuditStoredEventResponse {
  @ApiProperty({ description: "the store's commit order, with transactionId" })
  globalPosition!: string;
  @ApiProperty() transactionId!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'SimpananSukarelaDeposited' }) type!: string;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ example: 'member-6f1c...' }) streamId!: string;
  @ApiProperty() streamVersion!: number;
  @ApiProperty() koperasiId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: 'the user id that caused it' }) actor!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the command id (the request) that caused it',
  })
  causationId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'as stored; amounts are integer rupiah in `...Rp` fields',
  })
  data!: unknown;
  @ApiProperty({ description: 'hash of the previous event of the stream (64 zeros for the first)' })
  prevHash!: string;
  @ApiProperty({ description: 'sha256(prevHash || canonical JSON of the event)' }) hash!: string;
}

export class AuditEventResponse extends AuditStoredEventResponse {
  @ApiProperty({ enum: EVENT_STORE_SERVICES }) service!: EventStoreService;
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) events!: AuditEventResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as ?cursor= for the next page; null at the end',
  })
  nextCursor!: string | null;
}

export class AuditStreamResponse {
  @ApiProperty({ enum: EVENT_STORE_SERVICES }) service!: EventStoreService;
  @ApiProperty() streamId!: string;
  @ApiProperty() koperasiId!: string;
  @ApiProperty({ description: "the stream's head version" }) version!: number;
  @ApiProperty({ type: [AuditStoredEventResponse] }) events!: AuditStoredEventResponse[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'pass as ?fromVersion= for the rest; null at the end',
  })
  nextFromVersion!: number | null;
}
