import { isMessageKey, t, type MessageKey } from '../i18n/i18n';
import { ApiError } from './api-error';

/**
 * What a teller reads when a request fails: plain words in the current language, never a status code or the
 * API's own English. A screen with a more specific message for a code passes it in `byCode`.
 */
export function describeError(
  error: unknown,
  byCode: Partial<Record<string, () => string>> = {},
): string {
  if (!(error instanceof ApiError)) return t('error.server');
  const specific = byCode[error.code];
  if (specific) return specific();
  if (error.outcomeUnknown) return t('error.unknownOutcome');
  if (error.status === 401) return t('error.sessionExpired');
  if (error.status === 403) return t('error.forbidden');
  const key = `error.${error.code}`;
  if (isMessageKey(key)) return t(key);
  if (error.status === 404) return t('error.notFound');
  if (error.status >= 500) return t('error.server');
  return t('error.generic');
}

/**
 * The API's field refusals as messages under their fields: `messages` names the text for each field the form
 * has; a refused field the form does not name falls back to the generic message under that field.
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  messages: Record<F, MessageKey>,
): Partial<Record<F, string>> {
  if (!(error instanceof ApiError)) return {};
  const errors: Partial<Record<F, string>> = {};
  for (const problem of error.fieldProblems) {
    const field = problem.field as F;
    if (field in messages) errors[field] = t(messages[field]);
  }
  return errors;
}
