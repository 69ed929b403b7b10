import { computed, signal } from '@preact/signals';
import { api, configureApiClient } from '../api/client';
import type { ApiSchemas } from '../api/client';

export type SessionUser = ApiSchemas['LoginUser'];
interface Session {
  accessToken: string;
  /** By this PC's own clock (login time + the token's lifetime), so a counter PC whose clock is off still ends on time. */
  expiresAtMs: number;
  user: SessionUser;
}

const STORAGE_KEY = 'counter.session';
/** Why the last session ended, shown on the login screen. */
export type EndReason = 'expired' | 'logout' | null;

function storedSession(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && session.expiresAtMs > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export const session = signal<Session | null>(storedSession());
export const currentUser = computed(() => session.value?.user ?? null);
export const isSupervisor = computed(() => currentUser.value?.role === 'supervisor');
/** Auditors read the history and the books; they never see a screen that writes. */
export const isAuditor = computed(() => currentUser.value?.role === 'auditor');
export const endReason = signal<EndReason>(null);

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function keep(next: Session | null): void {
  session.value = next;
  clearTimeout(expiryTimer);
  try {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the session lives as long as the page.
  }
  if (next) {
    // Ended on time rather than by the next refused request, so nobody types a payment into a dead session.
    const remainingMs = Math.max(0, next.expiresAtMs - Date.now());
    expiryTimer = setTimeout(() => endSession('expired'), Math.min(remainingMs, 2_147_000_000));
  }
}

export async function logIn(username: string, password: string): Promise<SessionUser> {
  const answer = await api.post('/api/v1/auth/login', { body: { username, password } });
  endReason.value = null;
  keep({ accessToken: answer.accessToken, expiresAtMs: Date.now() + answer.expiresIn * 1000, user: answer.user });
  return answer.user;
}

/** 'expired' keeps the drafts of half-typed forms for after the next login; 'logout' clears them. */
export function endSession(reason: Exclude<EndReason, null>): void {
  if (!session.value) return;
  if (reason === 'logout') clearDrafts();
  endReason.value = reason;
  keep(null);
}

configureApiClient({ token: () => session.value?.accessToken ?? null, onUnauthorized: () => endSession('expired') });
if (session.value) keep(session.value);

const DRAFT_PREFIX = 'counter.draft.';

/** A form's unsent input, kept across an expired session (never for payments: those start afresh). */
export function loadDraft<T>(name: string): T | null {
  try {
    return JSON.parse(sessionStorage.getItem(DRAFT_PREFIX + name) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

export function saveDraft(name: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(DRAFT_PREFIX + name);
    else sessionStorage.setItem(DRAFT_PREFIX + name, JSON.stringify(value));
  } catch {
    // Storage refused: nothing is kept.
  }
}

function clearDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing was kept.
  }
}
