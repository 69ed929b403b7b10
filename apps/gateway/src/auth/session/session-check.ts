import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../config/gateway-config.js';
import type { VerifiedToken } from '../access-token.service.js';
import { ExpiringLru } from '../expiring-lru.js';
import { SessionsRepository, type SessionState } from './sessions.repository.js';

/** Sessions whose state is cached; one per counter signed in, with room for many gateways' worth. */
const SESSIONS_CACHED = 10_000;

/**
 * Whether a verified token's session and user are still good: the session not revoked or past its end, the user
 * active, on the same session generation (no new password since), and with the role and scope the token
 * claims. Read from the database at most once per `sessionCheckCacheMs` per session, so a disabled user or a new
 * password ends every gateway's acceptance of its tokens within that time; this gateway forgets at once.
 */
@Injectable()
export class SessionCheck {
  private readonly states = new ExpiringLru<string, SessionState | null>(SESSIONS_CACHED);
  private readonly cacheMs: number;

  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.cacheMs = config.sessionCheckCacheMs;
  }

  async accepts(token: VerifiedToken): Promise<boolean> {
    const state = await this.stateOf(token.sessionId);
    const { user } = token;
    return (
      state !== null &&
      state.live &&
      state.userId === user.id &&
      state.role === user.role &&
      state.koperasiId === user.koperasiId &&
      state.kotaKabupaten === (user.kotaKabupaten ?? null)
    );
  }

  /** After a logout or a reuse here: this gateway refuses the session's tokens from the next request on. */
  forgetSession(sessionId: string): void {
    this.states.delete(sessionId);
  }

  /** After the user was disabled or its password changed here. */
  forgetUser(userId: string): void {
    this.states.deleteWhere((state) => state?.userId === userId);
  }

  private async stateOf(sessionId: string): Promise<SessionState | null> {
    const nowMs = Date.now();
    const cached = this.states.get(sessionId, nowMs);
    if (cached !== undefined) return cached;
    const state = await this.sessions.stateOf(sessionId);
    if (this.cacheMs > 0) this.states.set(sessionId, state, nowMs + this.cacheMs);
    return state;
  }
}
