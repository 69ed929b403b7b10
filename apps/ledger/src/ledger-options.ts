import { Topics } from '@koperasi/contracts';

/** Everything the ledger module is configured with; main.ts fills it from the environment, tests directly. */
export interface LedgerOptions {
  databaseUrl: string;
  kafkaBrokers: string[];
  internalApiToken: string;
  /** The Kafka consumer group; a new group replays the topic from the start. */
  groupId?: string;
  /** Names the projection in processed_messages; stays the same across group ids so a replay is deduped. */
  consumerName?: string;
  membersEventsTopic?: string;
  deadLetterTopic?: string;
  partitionsConsumedConcurrently?: number;
}

export type ResolvedLedgerOptions = Required<LedgerOptions>;

export const LEDGER_OPTIONS = Symbol('LEDGER_OPTIONS');

export function resolveLedgerOptions(options: LedgerOptions): ResolvedLedgerOptions {
  return {
    groupId: 'ledger-members',
    consumerName: 'ledger-members',
    membersEventsTopic: Topics.membersEvents,
    deadLetterTopic: Topics.deadLetter,
    partitionsConsumedConcurrently: 3,
    ...options,
  };
}
