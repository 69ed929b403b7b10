import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ApiException } from '../../http/api-exception.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { AccessTokenService } from '../access-token.service.js';
import { decoyPasswordHash, verifyPassword } from '../password-hasher.js';
import { UsersRepository } from '../users.repository.js';
import type { LoginResponse } from './login.dto.js';

@Injectable()
export class LoginService {
  private readonly logger = new Logger(LoginService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccessTokenService,
    private readonly members: MembersQueries,
  ) {}

  /** Unknown user and wrong password answer the same, after the same amount of hashing. */
  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByUsername(username);
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !matches) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Username or password is wrong');
    }
    const view = { id: user.id, username: user.username, role: user.role, koperasiId: user.koperasiId };
    const kotaKabupaten = user.kotaKabupaten ?? null;
    const authenticated = kotaKabupaten === null ? view : { ...view, kotaKabupaten };
    const [accessToken, koperasiName] = await Promise.all([this.tokens.issue(authenticated), this.koperasiName(user.koperasiId)]);
    return {
      accessToken,
      expiresIn: this.tokens.expiresInSeconds,
      expiresAt: this.tokens.expiryOf(accessToken),
      user: { ...view, fullName: user.fullName ?? user.username, koperasiName, kotaKabupaten },
    };
  }

  /** The koperasi's name for the app's header; a login still succeeds when the registry does not answer. */
  private async koperasiName(koperasiId: string | null): Promise<string | null> {
    if (koperasiId === null) return null;
    try {
      return (await this.members.koperasi(koperasiId)).name;
    } catch (error) {
      this.logger.warn(`koperasi ${koperasiId} name not read at login: ${String(error)}`);
      return null;
    }
  }
}
