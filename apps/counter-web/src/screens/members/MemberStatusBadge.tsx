import { t } from '../../i18n/i18n';
import type { MemberStatus } from './member-data';

export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  return <span class={`badge badge--member-${status}`}>{t(`members.status.${status}`)}</span>;
}
