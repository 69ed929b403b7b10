import { ApiProperty } from '@nestjs/swagger';
import { ShuAllocationRequest } from './shu.dto.js';

export class ShuAllocationResponse {
  @ApiProperty({ type: ShuAllocationRequest }) allocation!: ShuAllocationRequest;
  @ApiProperty({ description: 'the user who set it' }) setBy!: string;
  @ApiProperty({ format: 'date-time' }) setAt!: string;
}

export class ShuPoolResponse {
  @ApiProperty({ enum: ['cadangan', 'jasaModal', 'jasaUsaha', 'other'] }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() percent!: number;
  @ApiProperty({ type: 'integer', description: 'rupiah' }) amount!: number;
}

export class MemberShuShareResponse {
  @ApiProperty() memberId!: string;
  @ApiProperty() memberNo!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ type: 'integer', description: 'rupiah the member paid in during the year' })
  transactions!: number;
  @ApiProperty({ type: 'integer', description: 'simpanan pokok + wajib at the end of the year' })
  savings!: number;
  @ApiProperty({ type: 'integer' }) jasaUsaha!: number;
  @ApiProperty({ type: 'integer' }) jasaModal!: number;
  @ApiProperty({ type: 'integer', description: 'jasaUsaha + jasaModal' }) share!: number;
}

export class ShuBookedResponse {
  @ApiProperty({ format: 'date', description: 'the day of the RAT that approved it' })
  ratDate!: string;
  @ApiProperty({ format: 'date-time' }) bookedAt!: string;
  @ApiProperty({ description: 'the supervisor who booked it' }) approvedByName!: string;
}

export class ShuDistributionResponse {
  @ApiProperty() koperasiId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer', description: "the year's surplus from the hasil usaha, rupiah" })
  surplus!: number;
  @ApiProperty({ type: ShuAllocationRequest }) allocation!: ShuAllocationRequest;
  @ApiProperty({ type: [ShuPoolResponse], description: 'adds up to surplus exactly' })
  pools!: ShuPoolResponse[];
  @ApiProperty({ type: [MemberShuShareResponse] }) members!: MemberShuShareResponse[];
  @ApiProperty({ type: 'integer' }) totalTransactions!: number;
  @ApiProperty({ type: 'integer' }) totalSavings!: number;
  @ApiProperty({ type: 'integer', description: "sum of the members' shares" }) distributed!: number;
  @ApiProperty({ type: 'integer', description: 'a members pool nobody had a basis for' })
  undistributed!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) definitions!: Record<
    string,
    string
  >;
  @ApiProperty({
    type: ShuBookedResponse,
    nullable: true,
    description:
      'the distribution as booked after the RAT (POST /shu/{year}/distribution); null until then',
  })
  booked!: ShuBookedResponse | null;
}

export class ShuDistributionBookedResponse {
  @ApiProperty({ format: 'uuid' }) distributionId!: string;
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ format: 'date' }) ratDate!: string;
  @ApiProperty({ type: 'integer', description: "the year's surplus, rupiah" }) surplus!: number;
  @ApiProperty({ type: 'integer', description: 'to the reserve (330000), rupiah' })
  cadangan!: number;
  @ApiProperty({
    type: 'integer',
    description: "the members' shares, owed to them (216000 SHU anggota belum dibayar), rupiah",
  })
  members!: number;
  @ApiProperty() approvedBy!: string;
  @ApiProperty() approvedByName!: string;
  @ApiProperty({ format: 'date-time' }) approvedAt!: string;
}
