import { computed, signal } from '@preact/signals';
import { ApiError } from '../api/api-error';
import { api, configureApiClient } from '../api/client';
import type { ApiSchemas } from '../api/client';

export type SessionUser = ApiSchemas['LoginUser'];
type SessionTokens = ApiSchemas['SessionTokens'];
interface Session {
  accessToken: string;
  refreshToken: string;
  /**
   * All by this PC's own clock (the time of the answer + the lifetimes the gateway gave), so a counter PC whose
   * clock is off still refreshes and ends on time.
   */
  expiresAtMs: number;
  /** When to renew the access token: shortly before it expires. */
  refreshAtMs: number;
  /** The end of the sign-in (a shift): no refresh goes past it. */
  endsAtMs: number;
  user: SessionUser;
}

const STORAGE_KEY = 'counter.session';
/** A refresh starts this long before the access token expires (a quarter of its life when that is shorter). */
const REFRESH_LEAD_MS = 60_000;
/** After a refresh that got no answer (network, gateway restarting), the next try. */
const REFRESH_RETRY_MS = 5_000;
/** Why the last session ended, shown on the login screen. */
export type EndReason = 'expired' | 'logout' | null;

function storedSession(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && typeof session.refreshToken === 'string' && session.endsAtMs > Date.now()
      ? session
      : null;
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

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let endTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;

/** Timers beyond ~24.8 days overflow; no session lasts that long, but a wrong clock should not fire them at once. */
const later = (atMs: number): number => Math.min(Math.max(0, atMs - Date.now()), 2_147_000_000);

function keep(next: Session | null): void {
  session.value = next;
  clearTimeout(refreshTimer);
  clearTimeout(endTimer);
  try {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the session lives as long as the page.
  }
  if (next) {
    // Renewed before the token ends, so no request of a payment meets an expired token; ended on time at the
    // end of the shift, so nobody types a payment into a session that cannot be renewed.
    refreshTimer = setTimeout(() => void refreshSession(), later(next.refreshAtMs));
    endTimer = setTimeout(() => endSession('expired'), later(next.endsAtMs));
  }
}

/** The session a sign-in or refresh answer describes, timed by this PC's clock from the moment it arrived. */
function fromTokens(tokens: SessionTokens, user: SessionUser): Session {
  const nowMs = Date.now();
  const lifetimeMs = tokens.expiresIn * 1000;
  const expiresAtMs = nowMs + lifetimeMs;
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAtMs,
    refreshAtMs: expiresAtMs - Math.min(REFRESH_LEAD_MS, lifetimeMs / 4),
    endsAtMs:
      expiresAtMs + Math.max(0, Date.parse(tokens.sessionExpiresAt) - Date.parse(tokens.expiresAt)),
    user,
  };
}

export async function logIn(username: string, password: string): Promise<SessionUser> {
  const answer = await api.post('/api/v1/auth/login', {
    body: { username, password },
    anonymous: true,
  });
  endReason.value = null;
  keep(fromTokens(answer, answer.user));
  return answer.user;
}

/**
 * Renews the access token with the refresh token (each used once: the answer brings the next). One refresh at a
 * time: the timer and a request's 401 may both ask, and a refresh token sent twice would end the session.
 * True when a new access token is in place.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= renew().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function renew(): Promise<boolean> {
  const current = session.value;
  if (!current) return false;
  try {
    const answer = await api.post('/api/v1/auth/refresh', {
      body: { refreshToken: current.refreshToken },
      anonymous: true,
    });
    // Logged out (or ended) while the refresh was on its way: the answer is not wanted.
    if (session.value !== current) return false;
    keep(fromTokens(answer, current.user));
    return true;
  } catch (error) {
    if (session.value !== current) return false;
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
      // Ended by the gateway: logged out elsewhere, disabled, a new password, or past the shift.
      endSession('expired');
      return false;
    }
    // No answer: try again soon; the access token may still have minutes to run.
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refreshSession(), REFRESH_RETRY_MS);
    return false;
  }
}

/**
 * 'expired' keeps the drafts of half-typed forms for after the next login; 'logout' clears them and tells the
 * gateway, which revokes the session (a copy of its tokens stops working too).
 */
export function endSession(reason: Exclude<EndReason, null>): void {
  const ending = session.value;
  if (!ending) return;
  if (reason === 'logout') {
    clearDrafts();
    // The teller has left either way; a gateway that does not answer lets the session run out on its own.
    api
      .post('/api/v1/auth/logout', { body: { refreshToken: ending.refreshToken }, anonymous: true })
      .catch(() => undefined);
  }
  endReason.value = reason;
  keep(null);
}

configureApiClient({
  token: () => session.value?.accessToken ?? null,
  refresh: refreshSession,
  onUnauthorized: () => endSession('expired'),
});
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
    for (const key of Object.keys(sessionStorage))
      if (key.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing was kept.
  }
}
