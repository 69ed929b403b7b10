export interface RetryUntilReachableOptions {
  /** What is tried, for the log: "connect to Kafka". */
  what: string;
  warn: (message: string) => void;
  /** Shutdown ends the wait: the last failure is thrown. */
  stopped?: () => boolean;
  /** Errors worth waiting out (the other side down or starting); any other is thrown at once. */
  retryable?: (error: unknown) => boolean;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Tries `attempt` until it succeeds, waiting between tries with a backoff that doubles up to maxDelayMs. There
 * is no last try: a service whose broker or database is down can do nothing else, and an operator brings
 * that back, not the service (each wait is logged, so the log says what it waits for and since when).
 */
export async function retryUntilReachable<T>(
  attempt: () => Promise<T>,
  options: RetryUntilReachableOptions,
): Promise<T> {
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const startedMs = Date.now();
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (options.stopped?.() || !(options.retryable?.(error) ?? true)) throw error;
      const delayMs = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(tries - 1, 16));
      options.warn(
        `could not ${options.what} (try ${tries}, failing for ${Date.now() - startedMs} ms: ${String(error)}); trying again in ${delayMs} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  // PostgreSQL: shutting down, starting up, or the connection ended by the administrator.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/**
 * Whether a database error means the server could not be reached or dropped us (down, restarting, the
 * connection cut), so the same request may succeed later; not a bad query or a refused write.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  // pg's own errors when a connection ends or never comes carry no code, only these messages.
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable/i.test(
    error.message,
  );
}
