import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ApiException } from '../../http/api-exception.js';
import { MembersQueries } from '../../queries/query-clients.js';
import { decoyPasswordHash, verifyPassword } from '../password-hasher.js';
import { SessionService } from '../session/session.service.js';
import { UsersRepository } from '../users.repository.js';
import { LoginAttemptsRepository } from './login-attempts.repository.js';
import { LoginLockedException } from './login-locked.exception.js';
import { LoginThrottle } from './login-throttle.js';
import type { LoginResponse } from './login.dto.js';

@Injectable()
export class LoginService {
  private readonly logger = new Logger(LoginService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly members: MembersQueries,
    private readonly throttle: LoginThrottle,
    private readonly attempts: LoginAttemptsRepository,
  ) {}

  /**
   * Unknown user and wrong password answer the same, after the same amount of hashing. A locked-out username or
   * address is refused before any password is checked, so guessing stops costing us scrypt time too.
   */
  async login(username: string, password: string, address: string): Promise<LoginResponse> {
    const lockout = await this.throttle.lockoutOf(username, address);
    if (lockout) {
      if (lockout.firstRefusal) await this.recordLocked(username, address);
      throw new LoginLockedException(lockout);
    }
    const user = await this.users.findByUsername(username);
    const matches = await verifyPassword(
      password,
      user?.passwordHash ?? (await decoyPasswordHash()),
    );
    const koperasiId = user?.koperasiId ?? null;
    if (!user || !matches) {
      const failure = await this.throttle.recordFailure(username, address);
      await this.attempts.record({ username, address, outcome: 'WRONG_PASSWORD', koperasiId });
      if (failure.lockout) throw new LoginLockedException(failure.lockout);
      await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
      throw new ApiException(
        HttpStatus.UNAUTHORIZED,
        'INVALID_CREDENTIALS',
        'Username or password is wrong',
      );
    }
    await this.throttle.recordSuccess(username);
    if (user.active === false) {
      // Said only to whoever knows the password: the teller learns why, a guesser learns nothing new.
      await this.attempts.record({ username, address, outcome: 'DISABLED', koperasiId });
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'USER_DISABLED',
        'This user is disabled; ask your supervisor to enable it again',
      );
    }
    await this.attempts.record({ username, address, outcome: 'SUCCESS', koperasiId });
    const view = {
      id: user.id,
      username: user.username,
      role: user.role,
      koperasiId: user.koperasiId,
    };
    const kotaKabupaten = user.kotaKabupaten ?? null;
    const authenticated = kotaKabupaten === null ? view : { ...view, kotaKabupaten };
    const [tokens, koperasiName] = await Promise.all([
      this.sessions.start(authenticated, address),
      this.koperasiName(user.koperasiId),
    ]);
    return {
      ...tokens,
      user: { ...view, fullName: user.fullName ?? user.username, koperasiName, kotaKabupaten },
    };
  }

  private async recordLocked(username: string, address: string): Promise<void> {
    const user = await this.users.findByUsername(username);
    await this.attempts.record({
      username,
      address,
      outcome: 'LOCKED',
      koperasiId: user?.koperasiId ?? null,
    });
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
