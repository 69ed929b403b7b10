import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { MembersQueries } from '../../queries/query-clients.js';
import {
  MemberResponse,
  StatementLineResponse,
  presentMember,
  presentStatementLine,
} from '../member.responses.js';
import { SearchMembersQuery } from './search-members.query.js';

/** Reads are scoped by the token's koperasi, so another koperasi's member is simply not found. */
@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
@Roles('supervisor', 'teller', 'auditor')
export class ReadMembersController {
  constructor(private readonly members: MembersQueries) {}

  @Get()
  @ApiOperation({ summary: "Find members of the caller's koperasi by NIK or name" })
  @ApiOkResponse({ type: [MemberResponse] })
  async search(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: SearchMembersQuery,
  ): Promise<MemberResponse[]> {
    const found = await this.members.searchMembers(koperasiOf(user), {
      nik: query.nik,
      q: query.q,
    });
    return found.map(presentMember);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A member with savings and simpanan wajib arrears' })
  @ApiOkResponse({ type: MemberResponse })
  @ApiNotFoundResponse({ description: "no such member in the caller's koperasi" })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') memberId: string,
  ): Promise<MemberResponse> {
    return presentMember(await this.members.member(koperasiOf(user), memberId));
  }

  @Get(':id/statement')
  @ApiOperation({ summary: "The member's savings movements, oldest first, with running balances" })
  @ApiOkResponse({ type: [StatementLineResponse] })
  @ApiNotFoundResponse({ description: "no such member in the caller's koperasi" })
  async statement(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') memberId: string,
  ): Promise<StatementLineResponse[]> {
    return (await this.members.statement(koperasiOf(user), memberId)).map(presentStatementLine);
  }
}
