import { namespaced } from './kafka-namespace.js';
import { BillpayCommands } from './billpay/billpay-commands.js';
import { LoanCommands } from './loans/loan-commands.js';
import { MemberCommands } from './members/member-commands.js';

/** Kafka topics. Event topics are keyed by stream id and never deleted by time. */
export const Topics = {
  membersEvents: namespaced('members.events'),
  billpayEvents: namespaced('billpay.events'),
  loansEvents: namespaced('loans.events'),
  ledgerEvents: namespaced('ledger.events'),
  deadLetter: namespaced('dead-letter.events'),
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export interface TopicSettings {
  name: string;
  partitions: number;
  configEntries: { name: string; value: string }[];
}

export const EVENT_TOPIC_PARTITIONS = 12;

/** Retention off: an auditor replays the whole history from Kafka as well as from the stores. */
export const EVENT_TOPIC_CONFIG = [
  { name: 'retention.ms', value: '-1' },
  { name: 'retention.bytes', value: '-1' },
  { name: 'cleanup.policy', value: 'delete' },
];

export function eventTopicSettings(name: string): TopicSettings {
  return { name, partitions: EVENT_TOPIC_PARTITIONS, configEntries: EVENT_TOPIC_CONFIG };
}

/** Commands and replies are transient: a week of retention is ample for tracing a request. */
const COMMAND_TOPIC_CONFIG = [{ name: 'retention.ms', value: String(7 * 24 * 3600 * 1000) }];

function commandTopicSettings(name: string): TopicSettings {
  return { name, partitions: EVENT_TOPIC_PARTITIONS, configEntries: COMMAND_TOPIC_CONFIG };
}

/**
 * Every reply to the gateway's commands comes back on this one topic (the request names the partition). A
 * fetch carries every partition its consumer holds: with a reply topic per command, each of the gateway's
 * fetches covered 20 topics x 12 partitions, and most of its Kafka time and the broker's went on empty ones.
 */
export const COMMAND_REPLY_TOPIC = namespaced('gateway.replies');

/** Every command of every service: the gateway may send each of them. */
const ALL_COMMANDS: string[] = [
  ...Object.values(MemberCommands),
  ...Object.values(BillpayCommands),
  ...Object.values(LoanCommands),
];

/** The Kafka header naming the command a message carries on its service's command topic. */
export const COMMAND_HEADER = 'command';

/**
 * The Kafka topic a command travels on: one per service (`members.commands`), the command itself named in
 * COMMAND_HEADER. A fetch carries every partition its consumer holds, so with a topic per command each fetch
 * of members' command server covered 14 topics x 12 partitions, nearly all empty.
 */
export function commandTopicOf(command: string): string {
  const at = command.lastIndexOf('.cmd.');
  if (at < 0) throw new Error(`${command} is not a command name (<service>.cmd.<name>)`);
  return `${command.slice(0, at)}.commands`;
}

export const ALL_TOPICS: TopicSettings[] = [
  ...Object.values(Topics).map(eventTopicSettings),
  ...[...new Set(ALL_COMMANDS.map(commandTopicOf))].map(commandTopicSettings),
  commandTopicSettings(COMMAND_REPLY_TOPIC),
];
