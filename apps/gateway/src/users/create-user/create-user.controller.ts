import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import { scopeFitsRole, type AuthenticatedUser } from '../../auth/authenticated-user.js';
import { sameKotaKabupaten } from '../../auth/koperasi-of.js';
import { hashPassword } from '../../auth/password-hasher.js';
import { UsersRepository } from '../../auth/users.repository.js';
import { PLATFORM_SCOPE } from '../../commands/command-runner.js';
import { ApiException } from '../../http/api-exception.js';
import { IDEMPOTENCY_KEY_HEADER } from '../../idempotency/idempotency-key.header.js';
import { IdempotencyService } from '../../idempotency/idempotency.service.js';
import {
  IdempotentWriteRequest,
  type IdempotentWrite,
} from '../../idempotency/idempotent-write.decorator.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { CreateUserRequest, UserResponse } from './create-user.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class CreateUserController {
  constructor(
    private readonly users: UsersRepository,
    private readonly members: MembersQueries,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @Roles('admin', 'supervisor')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Create a staff user of a koperasi, or a city auditor of a kota/kabupaten (admin); a supervisor creates tellers of its own koperasi',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({
    description:
      'koperasiId and kotaKabupaten do not fit the role, or a field is invalid (fullName, username, password)',
  })
  @ApiForbiddenResponse({
    description: 'a supervisor asked for a role other than teller, or for another koperasi',
  })
  @ApiConflictResponse({ description: 'the username is taken' })
  @ApiNotFoundResponse({ description: 'no such koperasi' })
  @ApiUnprocessableEntityResponse({
    description: 'no koperasi is registered in that kota/kabupaten',
  })
  async create(
    @CurrentUser() caller: AuthenticatedUser,
    @IdempotentWriteRequest() write: IdempotentWrite,
    @Body() body: CreateUserRequest,
  ): Promise<UserResponse> {
    // The password stays out of the stored request hash; a retry is recognised by everything else.
    const { password: _password, ...hashedBody } = body;
    const request = {
      scope: caller.koperasiId ?? PLATFORM_SCOPE,
      userId: caller.id,
      key: write.key,
      method: write.method,
      path: write.path,
    };
    const stored = await this.idempotency.run({ ...request, body: hashedBody }, async () => ({
      status: HttpStatus.CREATED,
      body: await this.createOnce(caller, body),
    }));
    return stored.body as UserResponse;
  }

  /** Refusals are thrown, so the key is freed and a corrected retry with it runs again. */
  private async createOnce(
    caller: AuthenticatedUser,
    body: CreateUserRequest,
  ): Promise<UserResponse> {
    if (caller.role === 'supervisor') supervisorMayCreate(caller, body);
    const koperasiId = body.koperasiId ?? (caller.role === 'supervisor' ? caller.koperasiId : null);
    if (!scopeFitsRole(body.role, koperasiId, body.kotaKabupaten ?? null))
      throw scopeMismatch(body.role);
    const kotaKabupaten =
      body.kotaKabupaten === undefined ? null : await this.registeredCity(body.kotaKabupaten);
    // 404 passes through from the members service when the koperasi does not exist.
    if (koperasiId !== null) await this.members.koperasi(koperasiId);
    const user = {
      id: randomUUID(),
      username: body.username,
      fullName: body.fullName,
      role: body.role,
      koperasiId,
      kotaKabupaten,
    };
    const inserted = await this.users.insert({
      ...user,
      passwordHash: await hashPassword(body.password),
    });
    if (!inserted)
      throw new ApiException(
        HttpStatus.CONFLICT,
        'USERNAME_TAKEN',
        `The username ${body.username} is taken`,
      );
    return user;
  }

  /** The city as the koperasi registry spells it; a city with no koperasi is most likely a typo. */
  private async registeredCity(kotaKabupaten: string): Promise<string> {
    const match = (await this.members.allKoperasi()).find((koperasi) =>
      sameKotaKabupaten(koperasi.kotaKabupaten, kotaKabupaten),
    );
    if (!match) {
      throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'UNKNOWN_KOTA_KABUPATEN',
        `No koperasi is registered in ${kotaKabupaten}; write the kota/kabupaten as the koperasi records do (e.g. Kota Semarang)`,
        [{ field: 'kotaKabupaten', problems: ['no koperasi registered there'] }],
      );
    }
    return match.kotaKabupaten;
  }
}

/** A supervisor staffs its own counter: tellers only, in its own koperasi. */
function supervisorMayCreate(caller: AuthenticatedUser, body: CreateUserRequest): void {
  if (body.role !== 'teller') {
    throw new ApiException(
      HttpStatus.FORBIDDEN,
      'FORBIDDEN',
      `A supervisor may create only tellers; ask the platform admin to create a ${body.role}`,
      [{ field: 'role', problems: ['a supervisor may create only role teller'] }],
    );
  }
  if (body.koperasiId !== undefined && body.koperasiId !== caller.koperasiId) {
    throw new ApiException(
      HttpStatus.FORBIDDEN,
      'FORBIDDEN',
      'A supervisor may create tellers only for its own koperasi; leave koperasiId out or name your own',
      [{ field: 'koperasiId', problems: ["must be the supervisor's own koperasi"] }],
    );
  }
  if (body.kotaKabupaten !== undefined) {
    throw new ApiException(
      HttpStatus.FORBIDDEN,
      'FORBIDDEN',
      'A supervisor may not create city auditors; leave kotaKabupaten out',
      [{ field: 'kotaKabupaten', problems: ['not for a supervisor'] }],
    );
  }
}

function scopeMismatch(role: string): ApiException {
  const rule =
    role === 'auditor'
      ? 'an auditor needs either koperasiId (one koperasi) or kotaKabupaten (a city auditor), not both'
      : `a ${role} needs koperasiId and no kotaKabupaten`;
  return new ApiException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', `Invalid request: ${rule}`, [
    { field: 'koperasiId', problems: [rule] },
    { field: 'kotaKabupaten', problems: [rule] },
  ]);
}
