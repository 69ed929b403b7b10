import { HttpStatus } from '@nestjs/common';
import { ApiException } from '../../http/api-exception.js';
import type { Lockout } from './login-throttle.js';

const WIB_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Jakarta',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 429 for a locked-out sign-in, in words a teller can act on; the controller sends `retryAfterSeconds` as Retry-After. */
export class LoginLockedException extends ApiException {
  readonly retryAfterSeconds: number;

  constructor(lockout: Lockout, now = new Date()) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((lockout.until.getTime() - now.getTime()) / 1000),
    );
    const minutes = Math.ceil(retryAfterSeconds / 60);
    const who = lockout.scope === 'username' ? 'this username' : "this computer's network";
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'LOGIN_LOCKED',
      `Too many wrong passwords for ${who}. Signing in is locked until ${WIB_CLOCK.format(lockout.until)} WIB ` +
        `(${minutes} minute${minutes === 1 ? '' : 's'}); wait and try again, or ask your supervisor to check the sign-in log.`,
      { lockedUntil: lockout.until.toISOString(), retryAfterSeconds, scope: lockout.scope },
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
