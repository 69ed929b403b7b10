import { isKtpName } from '@koperasi/domain';
import type { MessageKey } from '../../../i18n/i18n';

/** The gateway's rules for a new user (apps/gateway/src/users/create-user/create-user.dto.ts), checked before sending. */
export const USERNAME = /^[a-z0-9._-]{3,64}$/;

export interface TellerForm {
  fullName: string;
  username: string;
  password: string;
  passwordAgain: string;
}

export type TellerField = keyof TellerForm;
export type TellerProblems = Partial<Record<TellerField, MessageKey>>;

/** The name as the gateway keeps it: trimmed, inner runs of spaces made one. */
export function tidyFullName(fullName: string): string {
  return fullName.trim().replace(/\s+/g, ' ');
}

export function checkTeller(form: TellerForm): TellerProblems {
  const problems: TellerProblems = {};
  const fullName = tidyFullName(form.fullName);
  if (fullName === '') problems.fullName = 'supervisor.tellers.fullNameRequired';
  else if (fullName.length < 2 || fullName.length > 100)
    problems.fullName = 'supervisor.tellers.fullNameLength';
  else if (!isKtpName(fullName)) problems.fullName = 'supervisor.tellers.fullNameChars';
  if (form.username === '') problems.username = 'supervisor.tellers.usernameRequired';
  else if (!USERNAME.test(form.username)) problems.username = 'supervisor.tellers.usernameInvalid';
  if (form.password.length < 10 || form.password.length > 200)
    problems.password = 'supervisor.tellers.passwordLength';
  if (form.passwordAgain !== form.password)
    problems.passwordAgain = 'supervisor.tellers.passwordMismatch';
  return problems;
}
