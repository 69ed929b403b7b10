const FIRST_RETRY_DELAY_MS = 500;

/**
 * The pause before attempt `attempts + 1`: doubling from half a second up to `maxMs`, with jitter so notices
 * that failed together (the bank went down) do not all come back at the same instant.
 */
export function retryDelayMs(
  attempts: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const exponential = FIRST_RETRY_DELAY_MS * 2 ** Math.min(attempts, 20);
  const capped = Math.min(maxMs, exponential);
  return Math.round(capped * (0.5 + random() / 2));
}
