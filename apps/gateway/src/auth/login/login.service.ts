import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiException } from '../../http/api-exception.js';
import { AccessTokenService } from '../access-token.service.js';
import { decoyPasswordHash, verifyPassword } from '../password-hasher.js';
import { UsersRepository } from '../users.repository.js';
import type { LoginResponse } from './login.dto.js';

@Injectable()
export class LoginService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccessTokenService,
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
    return {
      accessToken: await this.tokens.issue(authenticated),
      expiresIn: this.tokens.expiresInSeconds,
      user: { ...view, kotaKabupaten },
    };
  }
}
