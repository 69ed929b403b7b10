import { Topics } from '@koperasi/contracts';

export type ServiceName = 'members' | 'billpay' | 'loans';

export const SERVICES: readonly ServiceName[] = ['members', 'billpay', 'loans'];

/** One service's event store and the topic its relay publishes to. */
export interface ServiceStore {
  service: ServiceName;
  databaseUrl: string;
  topic: string;
}

export const EVENTS_TOPIC_OF: Record<ServiceName, string> = {
  members: Topics.membersEvents,
  billpay: Topics.billpayEvents,
  loans: Topics.loansEvents,
};

/** The URL with its password hidden, for messages an auditor may paste into a report. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
