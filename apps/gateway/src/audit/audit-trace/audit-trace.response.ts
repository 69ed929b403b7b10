import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryResponse } from '../audit-entry.response.js';
import { AuditEventResponse } from '../audit-events/audit-event.response.js';

export class TraceCommandResponse {
  @ApiProperty({ format: 'uuid' }) commandId!: string;
  @ApiProperty({ description: 'the Idempotency-Key the client sent' }) idempotencyKey!: string;
  @ApiProperty({ type: String, nullable: true, example: 'POST' }) method!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/v1/members/6f1c.../simpanan-sukarela/deposits',
  })
  path!: string | null;
  @ApiProperty({ description: 'sha256 of the canonical method, path and body' })
  requestHash!: string;
  @ApiProperty({ enum: ['in-progress', 'done'] }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) responseStatus!: number | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export class TraceUserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ['admin', 'supervisor', 'teller', 'auditor'] }) role!: string;
  @ApiProperty({ type: String, nullable: true }) koperasiId!: string | null;
}

export class TraceReceiptResponse {
  @ApiProperty({
    enum: ['member-savings-statement-line', 'bill-payment-receipt', 'installment-receipt'],
  })
  kind!: string;
  @ApiProperty({ example: '/api/v1/loans/installments/1b2c.../receipt' }) href!: string;
  @ApiProperty({ description: 'the statement line event, the payment or the collection' })
  id!: string;
}

export class AuditTraceResponse {
  @ApiProperty({ type: AuditEntryResponse }) entry!: AuditEntryResponse;
  @ApiProperty({
    type: AuditEventResponse,
    nullable: true,
    description: 'null: the event is missing from its store, an audit finding',
  })
  event!: AuditEventResponse | null;
  @ApiProperty({
    type: AuditEventResponse,
    nullable: true,
    description:
      "for an event a system step wrote (a dispatcher, a callback, the bank's answer): the event of the request it followed, by causation or correlation",
  })
  origin!: AuditEventResponse | null;
  @ApiProperty({
    type: TraceCommandResponse,
    nullable: true,
    description: 'null: neither the event nor its origin was caused by a request of this gateway',
  })
  command!: TraceCommandResponse | null;
  @ApiProperty({ type: TraceUserResponse, nullable: true }) user!: TraceUserResponse | null;
  @ApiProperty({ type: TraceReceiptResponse, nullable: true })
  receipt!: TraceReceiptResponse | null;
}
