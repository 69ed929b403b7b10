import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';
import {
  BILLPAY_CONFIG,
  type BillpayConfig,
  type DispatchConfig,
} from '../infrastructure/billpay-config.js';
import {
  countPendingPaymentsWith,
  dispatchQueueGauge,
  type PendingPaymentCount,
} from '../metrics/billpay-metrics.js';
import { PaymentWorker, type DispatchMode, type DueRow } from './payment-worker.js';

export interface DispatchJob {
  paymentId: string;
  mode: DispatchMode;
  /** The payment as its handler just wrote it; the scan leaves it out and the worker reads it. */
  payment?: DueRow;
}

/** Rows one scan takes; the next scan takes the rest. */
const SCAN_BATCH = 500;
const SHUTDOWN_WAIT_MS = 5_000;

/**
 * Calls the aggregator for payments outside the command handler, with at most `concurrency` calls in flight
 * and a bounded queue, so a slow aggregator answer holds one slot and never another counter's payment. New
 * payments are handed over right after their request commits; a periodic scan of the database picks up
 * what is due a status check and whatever a restart or a full queue left behind, so nothing depends on
 * this process's memory.
 */
@Injectable()
export class PaymentDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PaymentDispatcher.name);
  private readonly config: DispatchConfig;
  private readonly queue: DispatchJob[] = [];
  /** Queued or in flight here: never two calls for one payment from this process. */
  private readonly taken = new Set<string>();
  private active = 0;
  private scanTimer: NodeJS.Timeout | null = null;
  private scanning = false;
  private stopping = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(BILLPAY_CONFIG) config: BillpayConfig,
    private readonly worker: PaymentWorker,
  ) {
    this.config = config.dispatch;
  }

  onApplicationBootstrap(): void {
    countPendingPaymentsWith(async () => {
      const { rows } = await this.pool.query<PendingPaymentCount>(
        `SELECT status, count(*)::int AS n FROM payments WHERE next_check_at IS NOT NULL GROUP BY status`,
      );
      return rows;
    });
    this.scanTimer = setInterval(() => void this.scan(), this.config.scanIntervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.scanTimer) clearInterval(this.scanTimer);
    this.queue.length = 0;
    const deadline = Date.now() + SHUTDOWN_WAIT_MS;
    while (this.active > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Hands a payment over; false when the queue is full and the scan will take it later instead. */
  dispatch(job: DispatchJob): boolean {
    if (this.stopping || this.taken.has(job.paymentId)) return false;
    if (this.queue.length >= this.config.queueLimit) return false;
    this.taken.add(job.paymentId);
    this.queue.push(job);
    this.pump();
    return true;
  }

  private pump(): void {
    while (this.active < this.config.concurrency && this.queue.length > 0) {
      const job = this.queue.shift() as DispatchJob;
      this.active += 1;
      void this.worker
        .work(job.paymentId, job.mode, job.payment)
        .catch((error: unknown) =>
          this.logger.error(`payment ${job.paymentId}: ${String(error)}; the scan retries it`),
        )
        .finally(() => {
          this.active -= 1;
          this.taken.delete(job.paymentId);
          this.pump();
        });
    }
    dispatchQueueGauge.set(this.queue.length);
  }

  private async scan(): Promise<void> {
    if (this.scanning || this.stopping) return;
    this.scanning = true;
    try {
      const { rows } = await this.pool.query<{ id: string }>(
        'SELECT id FROM payments WHERE next_check_at <= now() ORDER BY next_check_at LIMIT $1',
        [SCAN_BATCH],
      );
      for (const row of rows) this.dispatch({ paymentId: row.id, mode: 'CHECK' });
    } catch (error) {
      this.logger.warn(`scan failed: ${String(error)}`);
    } finally {
      this.scanning = false;
    }
  }
}
