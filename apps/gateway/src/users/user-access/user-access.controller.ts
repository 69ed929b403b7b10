import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { SessionCheck } from '../../auth/session/session-check.js';
import { UsersRepository, type UserRecord } from '../../auth/users.repository.js';
import { ApiException } from '../../http/api-exception.js';
import { UserAccessResponse } from './user-access.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Disabling a user ends every session it has, on every gateway within SESSION_CHECK_CACHE_MS; enabling lets it
 * sign in again (its old sessions stay ended). Both are idempotent: the same state twice is the same answer.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UserAccessController {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionCheck,
  ) {}

  @Post(':id/disable')
  @Roles('admin', 'supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Disable a user: it can no longer sign in and its sessions end within seconds (a supervisor: tellers of its koperasi)',
  })
  @ApiOkResponse({ type: UserAccessResponse })
  @ApiForbiddenResponse({
    description:
      'a supervisor named someone other than a teller of its koperasi, or a user tried to disable itself',
  })
  @ApiNotFoundResponse({ description: 'no such user' })
  disable(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id') id: string,
  ): Promise<UserAccessResponse> {
    return this.set(caller, id, false);
  }

  @Post(':id/enable')
  @Roles('admin', 'supervisor')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Enable a disabled user again; it signs in anew (a supervisor: tellers of its koperasi)',
  })
  @ApiOkResponse({ type: UserAccessResponse })
  @ApiForbiddenResponse({
    description: 'a supervisor named someone other than a teller of its koperasi',
  })
  @ApiNotFoundResponse({ description: 'no such user' })
  enable(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id') id: string,
  ): Promise<UserAccessResponse> {
    return this.set(caller, id, true);
  }

  private async set(
    caller: AuthenticatedUser,
    id: string,
    active: boolean,
  ): Promise<UserAccessResponse> {
    const user = UUID.test(id) ? await this.users.findById(id) : null;
    // Another koperasi's user answers like no user: a supervisor learns nothing about other koperasi.
    if (!user || !mayManage(caller, user))
      throw new ApiException(
        HttpStatus.NOT_FOUND,
        'USER_NOT_FOUND',
        `No user ${id} that you manage`,
      );
    if (user.role !== 'teller' && caller.role === 'supervisor') {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'A supervisor may disable or enable only tellers; ask the platform admin',
      );
    }
    if (user.id === caller.id)
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        'You may not disable or enable yourself',
      );
    await this.users.setActive(user.id, active);
    if (!active) this.sessions.forgetUser(user.id);
    return { id: user.id, username: user.username, active };
  }
}

/** The admin manages everyone; a supervisor the staff of its own koperasi. */
function mayManage(caller: AuthenticatedUser, user: UserRecord): boolean {
  return (
    caller.role === 'admin' || (caller.koperasiId !== null && user.koperasiId === caller.koperasiId)
  );
}
