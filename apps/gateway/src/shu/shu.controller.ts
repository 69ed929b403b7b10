import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  MemberCommands,
  type BookShuDistributionPayload,
  type ShuDistributionBookedView,
} from '@koperasi/contracts';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { koperasiOf } from '../auth/koperasi-of.js';
import { UsersRepository } from '../auth/users.repository.js';
import { CommandRunner } from '../commands/command-runner.js';
import { ApiException } from '../http/api-exception.js';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../idempotency/idempotent-write.decorator.js';
import { withoutRupiahSuffix } from '../ledger/ledger-reports/ledger.responses.js';
import { sendStatement, type FileResponse } from '../ledger/statements/send-statement.js';
import { LedgerQueries, MembersQueries } from '../queries/query-clients.js';
import { shuSlipTable, shuTable } from './shu-tables.js';
import { BookShuDistributionRequest, ShuAllocationRequest, ShuExportQuery } from './shu.dto.js';
import {
  ShuAllocationResponse,
  ShuDistributionBookedResponse,
  ShuDistributionResponse,
} from './shu.responses.js';

const YEAR = /^\d{4}$/;

/** SHU over the API: the koperasi's AD/ART percentages, the year's calculation per member, and each member's slip. */
@ApiTags('shu')
@ApiBearerAuth()
@Controller('shu')
@Roles('supervisor', 'auditor')
export class ShuController {
  constructor(
    private readonly ledger: LedgerQueries,
    private readonly members: MembersQueries,
    private readonly commands: CommandRunner,
    private readonly users: UsersRepository,
  ) {}

  @Get('allocation')
  @ApiOperation({
    summary: "The koperasi's SHU percentages (AD/ART) as last set, with who set them and when",
  })
  @ApiOkResponse({ type: ShuAllocationResponse })
  @ApiNotFoundResponse({ description: 'never set' })
  async allocation(@CurrentUser() user: AuthenticatedUser): Promise<ShuAllocationResponse> {
    return (await this.ledger.shuAllocation(koperasiOf(user))) as ShuAllocationResponse;
  }

  @Put('allocation')
  @Roles('supervisor')
  @ApiOperation({
    summary:
      'Set the SHU percentages of the AD/ART: cadangan, jasa modal, jasa usaha and the others, together exactly 100',
  })
  @ApiOkResponse({ type: ShuAllocationResponse })
  @ApiBadRequestResponse({
    description: 'a percentage out of range, or the percentages do not add up to 100',
  })
  async setAllocation(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ShuAllocationRequest,
  ): Promise<ShuAllocationResponse> {
    const allocation = {
      cadanganPercent: body.cadanganPercent,
      jasaModalPercent: body.jasaModalPercent,
      jasaUsahaPercent: body.jasaUsahaPercent,
      others: body.others ?? [],
    };
    return (await this.ledger.setShuAllocation(
      koperasiOf(user),
      allocation,
      user.id,
    )) as ShuAllocationResponse;
  }

  @Get(':year')
  @ApiOperation({
    summary:
      "The year's SHU (the hasil usaha's surplus) divided by the AD/ART, and each member's share by savings and by transactions",
  })
  @ApiOkResponse({ type: ShuDistributionResponse })
  @ApiNotFoundResponse({ description: 'the SHU percentages were never set' })
  @ApiUnprocessableEntityResponse({ description: 'the year has no surplus to divide' })
  async distribution(
    @CurrentUser() user: AuthenticatedUser,
    @Param('year') year: string,
  ): Promise<ShuDistributionResponse> {
    if (!YEAR.test(year))
      throw new ApiException(
        400,
        'VALIDATION_FAILED',
        'year must be a year written YYYY, e.g. 2026',
        [{ field: 'year', problems: ['must be YYYY'] }],
      );
    return withoutRupiahSuffix(
      await this.ledger.shu(koperasiOf(user), year),
    ) as ShuDistributionResponse;
  }

  @Post(':year/distribution')
  @Roles('supervisor')
  @HttpCode(HttpStatus.CREATED)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary:
      "Book the year's SHU distribution once the RAT approved it: the reserve to cadangan (330000) and the members' shares to SHU anggota belum dibayar (216000), out of SHU belum dibagi (340000)",
    description:
      'The figures are this year’s calculation (GET /shu/{year}) at the moment of booking; the other uses the AD/ART names stay in SHU belum dibagi. Once per year.',
  })
  @ApiCreatedResponse({ type: ShuDistributionBookedResponse })
  @ApiConflictResponse({
    description:
      'SHU_ALREADY_BOOKED: the year was booked before; MONTH_CLOSED: the current month is closed (tutup buku)',
  })
  @ApiUnprocessableEntityResponse({
    description: 'INVALID_SHU: a year not begun, a RAT date after today, or nothing to divide',
  })
  async book(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Param('year') year: string,
    @Body() body: BookShuDistributionRequest,
  ): Promise<unknown> {
    const koperasiId = koperasiOf(user);
    const [shu, approvedByName] = await Promise.all([
      this.distribution(user, year),
      this.users.fullNameOf(user.id),
    ]);
    return this.commands.run<BookShuDistributionPayload, ShuDistributionBookedView>({
      user,
      write,
      body: { year, ...body },
      command: MemberCommands.bookShuDistribution,
      koperasiId,
      partitionKey: `shu:${koperasiId}`,
      payload: {
        year: shu.year,
        ratDate: body.ratDate,
        surplusRp: shu.surplus,
        cadanganRp: shu.pools.find((pool) => pool.key === 'cadangan')?.amount ?? 0,
        membersRp: shu.distributed,
        approvedByName,
      },
      successStatus: 201,
      present: (view) => withoutRupiahSuffix(view),
    });
  }

  @Get(':year/export')
  @ApiOperation({ summary: "The year's SHU per member as CSV or as an A4 page to print" })
  @ApiProduces('text/csv', 'text/html')
  @ApiOkResponse({ description: 'CSV file or printable A4 page' })
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('year') year: string,
    @Query() query: ShuExportQuery,
    @Res({ passthrough: true }) response: FileResponse,
  ): Promise<string> {
    const shu = await this.distribution(user, year);
    return sendStatement(
      this.members,
      koperasiOf(user),
      shuTable(shu),
      { name: `shu-${year}`, format: query.format },
      response,
    );
  }

  @Get(':year/members/:memberId/slip')
  @ApiOperation({ summary: "One member's SHU slip for the year, an A4 page to print" })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'printable A4 page' })
  @ApiNotFoundResponse({ description: 'the member has no share that year' })
  async slip(
    @CurrentUser() user: AuthenticatedUser,
    @Param('year') year: string,
    @Param('memberId') memberId: string,
    @Res({ passthrough: true }) response: FileResponse,
  ): Promise<string> {
    const shu = await this.distribution(user, year);
    const member = shu.members.find((candidate) => candidate.memberId === memberId);
    if (!member)
      throw new ApiException(
        404,
        'NOT_FOUND',
        `Anggota ini tidak mendapat SHU tahun ${shu.year}: bukan anggota pada akhir tahun itu`,
      );
    return sendStatement(
      this.members,
      koperasiOf(user),
      shuSlipTable(shu, member),
      { name: `slip-shu-${year}-${member.memberNo}`, format: 'html' },
      response,
    );
  }
}
