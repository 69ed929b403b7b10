import { INTERNAL_HTTP_HOST, PORT_PATTERN, readEnvConfig, secretEnv } from '@koperasi/platform';
import { parseBrokerList } from '@koperasi/messaging';

export interface LoansConfig {
  httpPort: number;
  httpHost: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  internalApiToken: string;
  bankUrl: string;
  bankApiKey: string;
  /** Lookups and collection notices: a counter waits on a lookup, so it is kept short. */
  bankTimeoutMs: number;
  /** A remittance carries a whole day's collections; the bank takes longer to answer it. */
  bankRemittanceTimeoutMs: number;
  /** The longest pause between two attempts to tell the bank of a collection or a batch. */
  maxRetryDelayMs: number;
  /** Where the outbox relay publishes; tests point it at a topic of their own. */
  eventsTopic: string;
}

export const LOANS_CONFIG = Symbol('LOANS_CONFIG');

const POSITIVE_MS = /^[1-9]\d{0,6}$/;

export function readLoansConfig(
  env: NodeJS.ProcessEnv = process.env,
): Omit<LoansConfig, 'eventsTopic'> {
  const values = readEnvConfig(
    {
      LOANS_HTTP_PORT: {
        default: '3003',
        pattern: PORT_PATTERN,
        description: 'internal HTTP port of the loans service',
      },
      LOANS_DATABASE_URL: {
        default: 'postgres://postgres@127.0.0.1:5432/koperasi_loans',
        pattern: /^postgres(ql)?:\/\/.+\/[a-z_][a-z0-9_]*$/,
        description: 'PostgreSQL URL of the loans database',
      },
      KAFKA_BROKERS: {
        default: '127.0.0.1:9092',
        pattern: /^[^,\s]+:\d+(,[^,\s]+:\d+)*$/,
        description: 'comma-separated Kafka brokers, host:port',
      },
      INTERNAL_API_TOKEN: secretEnv('shared secret in x-internal-token'),
      INTERNAL_HTTP_HOST,
      BANK_URL: {
        default: 'http://127.0.0.1:3005',
        pattern: /^https?:\/\/\S+$/,
        description: "base URL of the bank's collection-agent API",
      },
      BANK_API_KEY: secretEnv('bearer key the bank issued to this deployment'),
      BANK_TIMEOUT_MS: {
        default: '3000',
        pattern: POSITIVE_MS,
        description: 'how long a loan lookup or a collection notice waits for the bank',
      },
      BANK_REMITTANCE_TIMEOUT_MS: {
        default: '15000',
        pattern: POSITIVE_MS,
        description: 'how long a remittance batch waits for the bank',
      },
      BANK_MAX_RETRY_DELAY_MS: {
        default: '10000',
        pattern: POSITIVE_MS,
        description: 'the longest pause between retries to the bank',
      },
    },
    env,
  );
  return {
    httpPort: Number(values.LOANS_HTTP_PORT),
    httpHost: values.INTERNAL_HTTP_HOST,
    databaseUrl: values.LOANS_DATABASE_URL,
    kafkaBrokers: parseBrokerList(values.KAFKA_BROKERS),
    internalApiToken: values.INTERNAL_API_TOKEN,
    bankUrl: values.BANK_URL.replace(/\/+$/, ''),
    bankApiKey: values.BANK_API_KEY,
    bankTimeoutMs: Number(values.BANK_TIMEOUT_MS),
    bankRemittanceTimeoutMs: Number(values.BANK_REMITTANCE_TIMEOUT_MS),
    maxRetryDelayMs: Number(values.BANK_MAX_RETRY_DELAY_MS),
  };
}
