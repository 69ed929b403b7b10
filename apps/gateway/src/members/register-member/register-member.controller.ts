import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  MemberCommands,
  type RegisterMemberPayload,
  type RegisterMemberResult,
} from '@koperasi/contracts';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { CommandRunner } from '../../commands/command-runner.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../idempotency/idempotency-key.header.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../../idempotency/idempotent-write.decorator.js';
import { RegisteredMemberResponse, presentRegisteredMember } from '../member.responses.js';
import { RegisterMemberRequest } from './register-member.dto.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class RegisterMemberController {
  constructor(private readonly commands: CommandRunner) {}

  @Post()
  @Roles('supervisor', 'teller')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      "Register a member in the caller's koperasi; status PENDING_POKOK until simpanan pokok is paid",
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: RegisteredMemberResponse })
  @ApiConflictResponse({ description: 'the NIK is already a member of a koperasi' })
  @ApiUnprocessableEntityResponse({
    description: "the KTP kelurahan is not the koperasi's, or the NIK is implausible",
  })
  register(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: RegisterMemberRequest,
  ): Promise<unknown> {
    const koperasiId = koperasiOf(user);
    const payload: RegisterMemberPayload = {
      nik: body.nik,
      fullName: body.fullName,
      address: body.address,
      kelurahan: body.kelurahan,
      ...(body.birthPlace === undefined ? {} : { birthPlace: body.birthPlace }),
      ...(body.phone === undefined ? {} : { phone: body.phone }),
    };
    return this.commands.run<RegisterMemberPayload, RegisterMemberResult>({
      user,
      write,
      body,
      command: MemberCommands.registerMember,
      koperasiId,
      // Registrations of a koperasi go in order; the NIK's platform-wide uniqueness is the service's to hold.
      partitionKey: koperasiId,
      payload,
      successStatus: 201,
      present: presentRegisteredMember,
    });
  }
}
