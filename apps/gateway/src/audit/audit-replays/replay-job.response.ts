import { ApiProperty } from '@nestjs/swagger';

export class ReplayProgressResponse {
  @ApiProperty({ example: 'replaying' }) phase!: string;
  @ApiProperty() done!: number;
  @ApiProperty({ type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ example: 'events' }) unit!: string;
  @ApiProperty({ description: 'rate over the run so far' }) perSecond!: number;
}

export class ReplayJobResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['running', 'done', 'failed'] }) status!: string;
  @ApiProperty({ type: [String] }) koperasiIds!: string[];
  @ApiProperty({ description: 'user id of the auditor who started it' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({ type: ReplayProgressResponse }) progress!: ReplayProgressResponse;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'when done: identical, or each difference (account or member) with the events behind it',
  })
  result!: unknown;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}
