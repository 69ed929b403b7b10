import { t, type MessageKey } from '../../i18n/i18n';
import type { ApiSchemas } from '../../api/client';

export type CounterKind = ApiSchemas['CounterKindTotalResponse']['kind'];

/** The counter's names for the kinds of transaction (also used by the day's list). */
export function kindLabel(kind: CounterKind): string {
  return t(`home.kind.${kind}` as MessageKey);
}
