import { t } from '../../../i18n/i18n';

/** The services with an event store, in the order the API lists them. */
export const AUDIT_SERVICES = ['members', 'billpay', 'loans'] as const;
export type AuditService = (typeof AUDIT_SERVICES)[number];

/** A store by what it keeps, as an auditor reads it: "Anggota & simpanan", not `members`. */
export function serviceLabel(service: string): string {
  if (service === 'members') return t('audit.service.members');
  if (service === 'billpay') return t('audit.service.billpay');
  if (service === 'loans') return t('audit.service.loans');
  return service;
}

/** Why a hash chain broke, in words (the API's reasons are English sentences for the CLI). */
export function breakReason(reason: string): string {
  if (reason.startsWith('hash does not match')) return t('audit.break.changed');
  if (reason.startsWith('prev_hash')) return t('audit.break.link');
  if (/^version \d+ expected/.test(reason)) return t('audit.break.gap');
  if (reason.includes('head')) return t('audit.break.head');
  return t('audit.break.other');
}

/** Long ids (uuids, hashes) shortened for a table; the whole id stays in the title and in the details. */
export function shortId(id: string, keep = 8): string {
  return id.length <= keep + 1 ? id : `${id.slice(0, keep)}…`;
}
