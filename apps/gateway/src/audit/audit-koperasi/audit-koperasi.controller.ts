import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { KoperasiResponse, presentKoperasi } from '../../koperasi/koperasi.response.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { AuditScopeGuard, InAuditScope, type AuditScope } from '../audit-scope.guard.js';

/** The koperasi an auditor may read, for the city auditor's koperasi switcher. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/koperasi')
@Roles('auditor')
@UseGuards(AuditScopeGuard)
export class AuditKoperasiController {
  constructor(private readonly members: MembersQueries) {}

  @Get()
  @ApiOperation({
    summary:
      "The koperasi in the caller's audit scope, by name: its own, or every koperasi of a city auditor's kota/kabupaten",
    description:
      'Each one can be named as ?koperasiId= on every audit route; any other koperasi is answered 404 there.',
  })
  @ApiOkResponse({ type: [KoperasiResponse] })
  async list(@InAuditScope() scope: AuditScope): Promise<KoperasiResponse[]> {
    const inScope = new Set(scope.koperasiIds);
    return (await this.members.allKoperasi())
      .filter((koperasi) => inScope.has(koperasi.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'id'))
      .map(presentKoperasi);
  }
}
