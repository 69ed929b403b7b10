import { ApiProperty } from '@nestjs/swagger';

export class FinancialStatementLineResponse {
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'account code; null on a figure the statement works out (the surplus)',
  })
  code!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', description: "rupiah, in the account's normal direction" })
  amount!: number;
}

export class FinancialStatementSectionResponse {
  @ApiProperty({ type: [FinancialStatementLineResponse] }) lines!: FinancialStatementLineResponse[];
  @ApiProperty({ type: 'integer' }) total!: number;
}

export class FinancialPositionResponse {
  @ApiProperty({ example: '2026-03-01' }) from!: string;
  @ApiProperty({ example: '2026-03-31', description: 'the position is at the end of this WIB day' })
  to!: string;
  @ApiProperty({ type: FinancialStatementSectionResponse })
  assets!: FinancialStatementSectionResponse;
  @ApiProperty({ type: FinancialStatementSectionResponse })
  liabilities!: FinancialStatementSectionResponse;
  @ApiProperty({
    type: FinancialStatementSectionResponse,
    description: 'equity accounts and the surplus not yet closed into them',
  })
  equity!: FinancialStatementSectionResponse;
  @ApiProperty({ type: 'integer', description: 'equals assets.total' })
  liabilitiesAndEquity!: number;
}

export class OperatingResultResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: FinancialStatementSectionResponse, description: 'partisipasi anggota' })
  memberIncome!: FinancialStatementSectionResponse;
  @ApiProperty({ type: FinancialStatementSectionResponse, description: 'income from non-members' })
  nonMemberIncome!: FinancialStatementSectionResponse;
  @ApiProperty({ type: 'integer' }) totalIncome!: number;
  @ApiProperty({ type: FinancialStatementSectionResponse })
  expenses!: FinancialStatementSectionResponse;
  @ApiProperty({ type: 'integer', description: 'income less expenses of the period' })
  surplus!: number;
}

export class EquityChangeRowResponse {
  @ApiProperty({ type: 'string', nullable: true }) code!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) opening!: number;
  @ApiProperty({ type: 'integer' }) change!: number;
  @ApiProperty({ type: 'integer' }) closing!: number;
}

export class EquityChangesResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [EquityChangeRowResponse] }) rows!: EquityChangeRowResponse[];
  @ApiProperty({ type: 'integer' }) opening!: number;
  @ApiProperty({
    type: 'integer',
    description: 'the change from operations: the hasil usaha surplus',
  })
  surplus!: number;
  @ApiProperty({
    type: 'integer',
    description: "members' capital paid in or back, and other changes booked to equity",
  })
  otherChanges!: number;
  @ApiProperty({ type: 'integer' }) closing!: number;
}

export class CashFlowLineResponse {
  @ApiProperty({ description: 'the account on the other side of the cash movements' })
  code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) receipts!: number;
  @ApiProperty({ type: 'integer' }) payments!: number;
}

export class CashFlowSectionResponse {
  @ApiProperty({ enum: ['operating', 'investing', 'financing'] }) activity!:
    'operating' | 'investing' | 'financing';
  @ApiProperty({ type: [CashFlowLineResponse] }) lines!: CashFlowLineResponse[];
  @ApiProperty({ type: 'integer' }) net!: number;
}

export class CashAccountResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) opening!: number;
  @ApiProperty({ type: 'integer' }) closing!: number;
}

export class CashFlowsResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [CashAccountResponse] }) cashAccounts!: CashAccountResponse[];
  @ApiProperty({ type: 'integer' }) openingCash!: number;
  @ApiProperty({ type: [CashFlowSectionResponse] }) activities!: CashFlowSectionResponse[];
  @ApiProperty({ type: 'integer', description: 'equals closingCash - openingCash' })
  netChange!: number;
  @ApiProperty({ type: 'integer' }) closingCash!: number;
}

export class FinancialStatementsResponse {
  @ApiProperty() koperasiId!: string;
  @ApiProperty({ example: '2026-03-01' }) from!: string;
  @ApiProperty({ example: '2026-03-31' }) to!: string;
  @ApiProperty({ type: FinancialPositionResponse, description: 'laporan posisi keuangan' })
  financialPosition!: FinancialPositionResponse;
  @ApiProperty({ type: OperatingResultResponse, description: 'laporan hasil usaha' })
  operatingResult!: OperatingResultResponse;
  @ApiProperty({ type: EquityChangesResponse, description: 'laporan perubahan ekuitas' })
  equityChanges!: EquityChangesResponse;
  @ApiProperty({ type: CashFlowsResponse, description: 'laporan arus kas, direct method' })
  cashFlows!: CashFlowsResponse;
}

export class GeneralLedgerLineResponse {
  @ApiProperty() entryId!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'when the event occurred: the date the entry belongs to',
  })
  occurredAt!: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'where the statements count it: occurredAt, or the start of the next open month for an entry late for a closed month',
  })
  bookedAt!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid', description: 'the event the entry was posted from' })
  sourceEventId!: string;
  @ApiProperty({ type: 'string', nullable: true }) eventType!: string | null;
  @ApiProperty({ type: 'integer' }) debit!: number;
  @ApiProperty({ type: 'integer' }) credit!: number;
  @ApiProperty({ type: 'integer', description: 'balance after the entry, normal direction' })
  balance!: number;
}

export class GeneralLedgerResponse {
  @ApiProperty() koperasiId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: ['debit', 'credit'] }) normalBalance!: string;
  @ApiProperty({ type: 'integer' }) opening!: number;
  @ApiProperty({ type: 'integer' }) totalDebit!: number;
  @ApiProperty({ type: 'integer' }) totalCredit!: number;
  @ApiProperty({ type: 'integer' }) closing!: number;
  @ApiProperty({ type: [GeneralLedgerLineResponse] }) lines!: GeneralLedgerLineResponse[];
  @ApiProperty({
    description:
      'true when the period has more entries than listed (2000); totals and closing count them all',
  })
  truncated!: boolean;
}
