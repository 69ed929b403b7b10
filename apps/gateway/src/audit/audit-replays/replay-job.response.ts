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
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status!: string;
  @ApiProperty({ enum: ['stores', 'kafka'] }) source!: string;
  @ApiProperty({ type: [String] }) koperasiIds!: string[];
  @ApiProperty({ description: 'user id of the auditor who started it' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt!: string | null;
  @ApiProperty({ type: ReplayProgressResponse }) progress!: ReplayProgressResponse;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description:
      'when done: identical, or each difference of the scope (journal entry, account, member, teller day) with the events ' +
      'behind it, and accountDays: the day sums the as-of reports read, how many compared and each that differs. ' +
      'The whole books are rebuilt, so eventsReplayed counts every koperasi; differences are of the scope only.',
  })
  result!: unknown;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({
    description:
      'times the ledger stopped while the job was unfinished and started it again from the beginning',
  })
  restarts!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'when it was last started again after a ledger restart',
  })
  lastRestartedAt!: string | null;
}
