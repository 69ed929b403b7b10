import { computed, signal } from '@preact/signals';
import { currentUser } from '../../../session/session';

const STORAGE_KEY = 'audit.koperasi';

interface Choice {
  userId: string;
  koperasiId: string;
}

function storedChoice(): Choice | null {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Choice | null;
  } catch {
    return null;
  }
}

const choice = signal<Choice | null>(storedChoice());

/** A city auditor reads every koperasi of its kota/kabupaten; a koperasi's own auditor reads that one only. */
export const isCityAuditor = computed(
  () => currentUser.value?.role === 'auditor' && currentUser.value.koperasiId === null,
);

/**
 * The koperasi a city auditor has chosen to look at, or null for the whole city. Kept per user for the tab,
 * so a reload keeps it and another user signing in on the same PC starts from the whole city.
 */
export const auditKoperasiId = computed(() => {
  const chosen = choice.value;
  return isCityAuditor.value && chosen !== null && chosen.userId === currentUser.value?.id
    ? chosen.koperasiId
    : null;
});

export function chooseAuditKoperasi(koperasiId: string | null): void {
  const userId = currentUser.value?.id;
  const next = koperasiId === null || userId === undefined ? null : { userId, koperasiId };
  choice.value = next;
  try {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the choice lasts as long as the page.
  }
}

/** `?koperasiId=` for every audit request: the chosen koperasi, or nothing for the auditor's whole scope. */
export function auditScopeQuery(): { koperasiId?: string } {
  const koperasiId = auditKoperasiId.value;
  return koperasiId === null ? {} : { koperasiId };
}
