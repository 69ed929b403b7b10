import type { AuditProgress } from '../progress.js';

const BAR_WIDTH = 24;
const PLAIN_EVERY_MS = 5_000;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, a line every few seconds in a log. Rate and ETA
 * are per phase, since each phase (rebuild, index, compare) moves at its own speed.
 */
export class ProgressBar {
  private phase = '';
  private phaseStartedMs = 0;
  private lastDrawMs = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
  ) {}

  update(progress: AuditProgress): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (progress.phase !== this.phase) {
      this.finishLine();
      this.phase = progress.phase;
      this.phaseStartedMs = now;
      this.lastDrawMs = 0;
    }
    const interactive = this.stream.isTTY === true;
    const finished = progress.total !== null && progress.done >= progress.total;
    if (!finished && now - this.lastDrawMs < (interactive ? 100 : PLAIN_EVERY_MS)) return;
    this.lastDrawMs = now;
    const line = describe(progress, (now - this.phaseStartedMs) / 1000);
    if (interactive) {
      this.stream.write(
        `\r${line.padEnd(this.stream.columns ? this.stream.columns - 1 : 100).slice(0, (this.stream.columns ?? 101) - 1)}`,
      );
      this.drawn = true;
    } else this.stream.write(`${line}\n`);
  }

  /** Ends the bar's line, so what follows starts on a line of its own. */
  finishLine(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

export function describe(progress: AuditProgress, elapsedSeconds: number): string {
  const rate = elapsedSeconds > 0 ? progress.done / elapsedSeconds : 0;
  const rateText = `${formatCount(Math.round(rate))} ${progress.unit}/s`;
  if (progress.total === null || progress.total === 0)
    return `${progress.phase}: ${formatCount(progress.done)} ${progress.unit}, ${rateText}`;
  const fraction = Math.min(1, progress.done / progress.total);
  const filled = Math.round(fraction * BAR_WIDTH);
  const eta = rate > 0 ? (progress.total - progress.done) / rate : Number.NaN;
  return `${progress.phase} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${formatCount(progress.done)}/${formatCount(progress.total)} ${progress.unit}, ${rateText}, ETA ${formatSeconds(eta)}`;
}

export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
