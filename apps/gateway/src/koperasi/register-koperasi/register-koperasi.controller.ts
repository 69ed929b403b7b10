import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  MemberCommands,
  type KoperasiView,
  type RegisterKoperasiPayload,
} from '@koperasi/contracts';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { CommandRunner } from '../../commands/command-runner.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../../idempotency/idempotent-write.decorator.js';
import { KoperasiResponse, presentKoperasi } from '../koperasi.response.js';
import { RegisterKoperasiRequest } from './register-koperasi.dto.js';

@ApiTags('koperasi')
@ApiBearerAuth()
@Controller('koperasi')
export class RegisterKoperasiController {
  constructor(private readonly commands: CommandRunner) {}

  @Post()
  @Roles('admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Register a koperasi on the platform (admin)' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: KoperasiResponse })
  register(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: RegisterKoperasiRequest,
  ): Promise<unknown> {
    const payload: RegisterKoperasiPayload = {
      code: body.code,
      name: body.name,
      kelurahan: body.kelurahan,
      kecamatan: body.kecamatan,
      kotaKabupaten: body.kotaKabupaten,
      provinsi: body.provinsi,
      simpananPokokRp: body.simpananPokokAmount,
      simpananWajibMonthlyRp: body.simpananWajibMonthlyAmount,
    };
    return this.commands.run<RegisterKoperasiPayload, KoperasiView>({
      user,
      write,
      body,
      command: MemberCommands.registerKoperasi,
      // The admin acts in no koperasi; the members service reads an empty koperasiId that way.
      koperasiId: '',
      partitionKey: null,
      payload,
      successStatus: 201,
      present: presentKoperasi,
    });
  }
}
