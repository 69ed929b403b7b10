import { signal } from '@preact/signals';
import { loadDraft, saveDraft } from '../../../session/session';

/** What Ringkasan shows of the last verify the auditor ran in this session (the API keeps no history of them). */
export interface LastVerify {
  ok: boolean;
  checkedAt: string;
  koperasiCount: number;
  breaks: number;
  unavailable: number;
}

const DRAFT = 'audit.lastVerify';

export const lastVerify = signal<LastVerify | null>(loadDraft<LastVerify>(DRAFT));

export function rememberVerify(result: LastVerify): void {
  lastVerify.value = result;
  saveDraft(DRAFT, result);
}
