/** Where a long audit run has got to; the CLI turns it into a progress bar, the HTTP job into a status. */
export interface AuditProgress {
  phase: string;
  done: number;
  /** null while the total is not known yet. */
  total: number | null;
  unit: 'events' | 'rows' | 'messages';
}

export type ProgressListener = (progress: AuditProgress) => void;

export const ignoreProgress: ProgressListener = () => undefined;
