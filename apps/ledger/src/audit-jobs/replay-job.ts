import type { AuditProgress, ReplaySource } from '../audit/index.js';
import type { ScopedComparison } from './scope-comparison.js';

export type ReplayJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ReplayJobProgress extends AuditProgress {
  /** Events per second since the job (last) started running. */
  perSecond: number;
}

export interface ReplayJobResult extends ScopedComparison {
  source: ReplaySource;
  /** Every koperasi's events are replayed (the books are rebuilt whole); the comparison is of the job's own. */
  eventsReplayed: number;
  eventsPerSecond: number;
  rebuildSeconds: number;
  compareSeconds: number;
  /** The chart's name of every account a difference names, by code: an auditor reads `111100 Kas brankas`. */
  accountNames: Record<string, string>;
}

export interface ReplayJob {
  id: string;
  status: ReplayJobStatus;
  source: ReplaySource;
  koperasiIds: string[];
  requestedBy: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: ReplayJobProgress;
  result: ReplayJobResult | null;
  error: string | null;
  /** Times the ledger stopped while the job was unfinished and took it up again, from the start, on its next start. */
  restarts: number;
  lastRestartedAt: string | null;
}

export interface ReplayRequest {
  koperasiIds: string[];
  requestedBy: string;
  source: ReplaySource;
}
