import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
import { scopeFitsRole } from '../../auth/authenticated-user.js';
import { sameKotaKabupaten } from '../../auth/koperasi-of.js';
import { hashPassword } from '../../auth/password-hasher.js';
import { UsersRepository } from '../../auth/users.repository.js';
import { ApiException } from '../../http/api-exception.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { CreateUserRequest, UserResponse } from './create-user.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class CreateUserController {
  constructor(
    private readonly users: UsersRepository,
    private readonly members: MembersQueries,
  ) {}

  @Post()
  @Roles('admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create a staff user of a koperasi, or a city auditor of a kota/kabupaten (admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiBadRequestResponse({ description: 'koperasiId and kotaKabupaten do not fit the role' })
  @ApiConflictResponse({ description: 'the username is taken' })
  @ApiNotFoundResponse({ description: 'no such koperasi' })
  @ApiUnprocessableEntityResponse({ description: 'no koperasi is registered in that kota/kabupaten' })
  async create(@Body() body: CreateUserRequest): Promise<UserResponse> {
    const koperasiId = body.koperasiId ?? null;
    if (!scopeFitsRole(body.role, koperasiId, body.kotaKabupaten ?? null)) throw scopeMismatch(body.role);
    const kotaKabupaten = body.kotaKabupaten === undefined ? null : await this.registeredCity(body.kotaKabupaten);
    // 404 passes through from the members service when the koperasi does not exist.
    if (koperasiId !== null) await this.members.koperasi(koperasiId);
    const user = { id: randomUUID(), username: body.username, role: body.role, koperasiId, kotaKabupaten };
    const inserted = await this.users.insert({ ...user, passwordHash: await hashPassword(body.password) });
    if (!inserted) throw new ApiException(HttpStatus.CONFLICT, 'USERNAME_TAKEN', `The username ${body.username} is taken`);
    return user;
  }

  /** The city as the koperasi registry spells it; a city with no koperasi is most likely a typo. */
  private async registeredCity(kotaKabupaten: string): Promise<string> {
    const match = (await this.members.allKoperasi()).find((koperasi) => sameKotaKabupaten(koperasi.kotaKabupaten, kotaKabupaten));
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
