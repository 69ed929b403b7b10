import { Controller, Get, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { canSeeKoperasi } from '../../auth/koperasi-of.js';
import { ApiException } from '../../http/api-exception.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { KoperasiResponse, presentKoperasi } from '../koperasi.response.js';

@ApiTags('koperasi')
@ApiBearerAuth()
@Controller('koperasi')
export class ReadKoperasiController {
  constructor(private readonly members: MembersQueries) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Every koperasi on the platform (admin)' })
  @ApiOkResponse({ type: [KoperasiResponse] })
  async list(): Promise<KoperasiResponse[]> {
    return (await this.members.allKoperasi()).map(presentKoperasi);
  }

  @Get(':id')
  @Roles('admin', 'supervisor', 'teller', 'auditor')
  @ApiOperation({
    summary:
      "One koperasi: the admin sees any, a city auditor its city's, staff only their own (404 for others)",
  })
  @ApiOkResponse({ type: KoperasiResponse })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') id: string,
  ): Promise<KoperasiResponse> {
    if (user.koperasiId !== null && user.koperasiId !== id) {
      throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No such koperasi');
    }
    const koperasi = await this.members.koperasi(id);
    if (!canSeeKoperasi(user, koperasi))
      throw new ApiException(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'No such koperasi');
    return presentKoperasi(koperasi);
  }
}
