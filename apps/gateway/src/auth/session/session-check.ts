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
  /** Reads under way: concurrent requests of one counter share one query (as many entries as requests in flight). */
  private readonly reading = new Map<string, Promise<SessionState | null>>();
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
    this.reading.delete(sessionId);
  }

  /** After the user was disabled or its password changed here. */
  forgetUser(userId: string): void {
    this.states.deleteWhere((state) => state?.userId === userId);
    // A read under way may have started before the change; the next request reads again.
    this.reading.clear();
  }

  private stateOf(sessionId: string): Promise<SessionState | null> {
    const nowMs = Date.now();
    const cached = this.states.get(sessionId, nowMs);
    if (cached !== undefined) return Promise.resolve(cached);
    let read = this.reading.get(sessionId);
    if (!read) {
      read = this.sessions
        .stateOf(sessionId)
        .then((state) => {
          // Timed from before the read: the answer is never trusted longer than cacheMs after it was asked.
          if (this.cacheMs > 0 && this.reading.get(sessionId) === read)
            this.states.set(sessionId, state, nowMs + this.cacheMs);
          return state;
        })
        .finally(() => {
          if (this.reading.get(sessionId) === read) this.reading.delete(sessionId);
        });
      this.reading.set(sessionId, read);
    }
    return read;
  }
}
