import { ApiProperty } from '@nestjs/swagger';
import type {
  MemberStatus,
  MemberView,
  RegisterMemberResult,
  SavingsBalances,
  SavingsMovementResult,
  StatementLine,
} from '@koperasi/contracts';

const STATUSES: MemberStatus[] = ['PENDING_POKOK', 'ACTIVE', 'RESIGNED'];

export class SavingsResponse {
  @ApiProperty({ type: 'integer', description: 'simpanan pokok, rupiah' }) pokok!: number;
  @ApiProperty({ type: 'integer', description: 'simpanan wajib, rupiah' }) wajib!: number;
  @ApiProperty({ type: 'integer', description: 'simpanan sukarela, rupiah' }) sukarela!: number;
}

export class WajibArrearsResponse {
  @ApiProperty({
    type: [String],
    example: ['2026-01', '2026-02'],
    description: 'unpaid months, YYYY-MM',
  })
  months!: string[];
  @ApiProperty({ type: 'integer', description: 'rupiah owed for those months' }) amount!: number;
}

export class RegisteredMemberResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GDW-000001' }) memberNo!: string;
  @ApiProperty({ enum: STATUSES }) status!: MemberStatus;
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() memberNo!: string;
  @ApiProperty({ example: '3374011501900001' }) nik!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ enum: STATUSES }) status!: MemberStatus;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty({ type: SavingsResponse }) savings!: SavingsResponse;
  @ApiProperty({ type: WajibArrearsResponse }) wajibArrears!: WajibArrearsResponse;
}

export class SavingsMovementResponse {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({
    format: 'uuid',
    description:
      'the event that recorded it; the ledger entry cites it. Also the receipt id: POST /receipts/simpanan/{eventId}/prints',
  })
  eventId!: string;
  @ApiProperty({ type: 'integer', description: 'rupiah moved' }) amount!: number;
  @ApiProperty({ type: SavingsResponse, description: "the member's savings after the movement" })
  savings!: SavingsResponse;
}

export class StatementLineResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({
    enum: ['pokok', 'wajib', 'sukarela-deposit', 'sukarela-withdrawal', 'resignation-payout'],
  })
  kind!: StatementLine['kind'];
  @ApiProperty() description!: string;
  @ApiProperty({ type: 'integer', description: 'rupiah' }) amount!: number;
  @ApiProperty({ type: SavingsResponse, description: 'running balances after this line' })
  balances!: SavingsResponse;
}

export function presentSavings(savings: SavingsBalances): SavingsResponse {
  return { pokok: savings.pokokRp, wajib: savings.wajibRp, sukarela: savings.sukarelaRp };
}

export function presentRegisteredMember(result: RegisterMemberResult): RegisteredMemberResponse {
  return { id: result.id, memberNo: result.memberNo, status: result.status };
}

export function presentMember(view: MemberView): MemberResponse {
  return {
    id: view.id,
    memberNo: view.memberNo,
    nik: view.nik,
    fullName: view.fullName,
    status: view.status,
    joinedAt: view.joinedAt,
    savings: presentSavings(view.savings),
    wajibArrears: { months: view.wajibArrears.months, amount: view.wajibArrears.amountRp },
  };
}

export function presentMovement(result: SavingsMovementResult): SavingsMovementResponse {
  return {
    memberId: result.memberId,
    eventId: result.eventId,
    amount: result.amountRp,
    savings: presentSavings(result.savings),
  };
}

export function presentStatementLine(line: StatementLine): StatementLineResponse {
  return {
    eventId: line.eventId,
    occurredAt: line.occurredAt,
    kind: line.kind,
    description: line.description,
    amount: line.amountRp,
    balances: presentSavings(line.balances),
  };
}
