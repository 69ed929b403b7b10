import { t } from '../../../i18n/i18n';

export type CheckStatus = 'ok' | 'broken' | 'unavailable';

/** A check's outcome in words and colour: utuh (intact), rusak (broken), or not checked because it did not answer. */
export function CheckBadge({ status }: { status: CheckStatus }) {
  return <span class={`badge badge--check-${status}`}>{t(`audit.check.${status}`)}</span>;
}
