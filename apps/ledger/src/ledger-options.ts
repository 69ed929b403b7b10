import { namespaced, Topics } from '@koperasi/contracts';

/** Everything the ledger module is configured with; main.ts fills it from the environment, tests directly. */
export interface LedgerOptions {
  databaseUrl: string;
  kafkaBrokers: string[];
  internalApiToken: string;
  /** Consumer groups are `<prefix>-members`, `-billpay`, `-loans`; a new prefix replays the topics from the start. */
  groupIdPrefix?: string;
  /** Names the projections in processed_messages; stays the same across group ids so a replay is deduped. */
  consumerNamePrefix?: string;
  membersEventsTopic?: string;
  billpayEventsTopic?: string;
  loansEventsTopic?: string;
  deadLetterTopic?: string;
}

export type ResolvedLedgerOptions = Required<LedgerOptions>;

export const LEDGER_OPTIONS = Symbol('LEDGER_OPTIONS');

export function resolveLedgerOptions(options: LedgerOptions): ResolvedLedgerOptions {
  return {
    groupIdPrefix: namespaced('ledger'),
    consumerNamePrefix: 'ledger',
    membersEventsTopic: Topics.membersEvents,
    billpayEventsTopic: Topics.billpayEvents,
    loansEventsTopic: Topics.loansEvents,
    deadLetterTopic: Topics.deadLetter,
    ...options,
  };
}
