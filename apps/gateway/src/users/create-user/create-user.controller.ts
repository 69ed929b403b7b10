import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.decorators.js';
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
  @ApiOperation({ summary: 'Create a staff user of a koperasi (admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'the username is taken' })
  @ApiNotFoundResponse({ description: 'no such koperasi' })
  async create(@Body() body: CreateUserRequest): Promise<UserResponse> {
    // 404 passes through from the members service when the koperasi does not exist.
    await this.members.koperasi(body.koperasiId);
    const user = { id: randomUUID(), username: body.username, role: body.role, koperasiId: body.koperasiId };
    const inserted = await this.users.insert({ ...user, passwordHash: await hashPassword(body.password) });
    if (!inserted) throw new ApiException(HttpStatus.CONFLICT, 'USERNAME_TAKEN', `The username ${body.username} is taken`);
    return user;
  }
}
