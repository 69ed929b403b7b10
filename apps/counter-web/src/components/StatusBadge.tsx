import { t } from '../i18n/i18n';

type Status = 'SUCCESS' | 'PENDING' | 'PROCESSING' | 'FAILED';

export function StatusBadge({ status }: { status: Status }) {
  return <span class={`badge badge--${status}`}>{t(`common.status.${status}`)}</span>;
}
