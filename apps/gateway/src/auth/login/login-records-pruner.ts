import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { SessionsRepository } from '../session/sessions.repository.js';
import { LoginAttemptsRepository } from './login-attempts.repository.js';
import { LoginThrottle } from './login-throttle.js';

const PRUNE_INTERVAL_MS = 10 * 60 * 1000;
/** Rows removed per table and run: a backlog is worked off over several runs, never in one long delete. */
const PRUNE_BATCH = 5_000;
/** How long the sign-in log is kept. */
const LOGIN_LOG_RETENTION_DAYS = 90;

/** Keeps the throttling table to keys with recent failures, the sign-in log to its retention, and sessions to live ones. */
@Injectable()
export class LoginRecordsPruner implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LoginRecordsPruner.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly throttle: LoginThrottle,
    private readonly attempts: LoginAttemptsRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.prune(), PRUNE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async prune(): Promise<void> {
    try {
      const keys = await this.throttle.pruneIdle(PRUNE_BATCH);
      const attempts = await this.attempts.pruneOlderThan(LOGIN_LOG_RETENTION_DAYS, PRUNE_BATCH);
      const sessions = await this.sessions.pruneEnded(PRUNE_BATCH);
      if (keys + attempts + sessions > 0) {
        this.logger.log(
          `pruned ${keys} idle throttle keys, ${attempts} old sign-in records and ${sessions} ended sessions`,
        );
      }
    } catch (error) {
      this.logger.warn(`sign-in records not pruned: ${String(error)}`);
    }
  }
}
