import { Logger } from '@nestjs/common';

/**
 * Runs `pass` again and again: at once while it reports a full batch, otherwise after `idleMs` or as soon as
 * `wake()` says new work committed. Passes are spaced at least `minGapMs` apart so a stream of wake-ups
 * gathers work into batches instead of running one pass per item.
 */
export class WakeableLoop {
  private running = false;
  private woken = false;
  private interrupt: (() => void) | null = null;
  private finished: Promise<void> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<'more' | 'idle'>,
    private readonly idleMs: number,
    private readonly minGapMs: number,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.finished = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.interrupt?.();
    await this.finished;
  }

  wake(): void {
    this.woken = true;
    this.interrupt?.();
  }

  private async run(): Promise<void> {
    const logger = new Logger(this.name);
    while (this.running) {
      this.woken = false;
      let outcome: 'more' | 'idle' = 'idle';
      try {
        outcome = await this.pass();
      } catch (error) {
        logger.error(
          `pass failed, retrying: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!this.running) break;
      await this.pause(this.minGapMs, false);
      if (outcome === 'idle' && !this.woken) await this.pause(this.idleMs, true);
    }
  }

  private pause(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      // Stopping always cuts a pause short; a wake-up only cuts the idle one.
      this.interrupt = wakeable ? done : () => (this.running ? undefined : done());
    });
  }
}
