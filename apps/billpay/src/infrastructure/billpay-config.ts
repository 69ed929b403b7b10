import { INTERNAL_HTTP_HOST, PORT_PATTERN, readEnvConfig, secretEnv } from '@koperasi/platform';
import { parseBrokerList } from '@koperasi/messaging';

export interface BillpayConfig {
  httpPort: number;
  httpHost: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  internalApiToken: string;
  /** Where the outbox relay publishes; tests point it at a topic of their own. */
  eventsTopic: string;
  aggregator: AggregatorConfig;
  dispatch: DispatchConfig;
}

export interface AggregatorConfig {
  baseUrl: string;
  username: string;
  apiKey: string;
  callbackSecret: string;
  /** A transaction may take long at the aggregator; giving up early only turns it into a status check. */
  transactionTimeoutMs: number;
  /** Inquiry, status, statement: a person or a poller is waiting. */
  queryTimeoutMs: number;
  /** A callback older than this (by its sent_at) is refused as a possible replay. */
  callbackMaxAgeMs: number;
}

export interface DispatchConfig {
  /** Aggregator calls in flight at once; a slow call holds one slot, never the others. */
  concurrency: number;
  /** Payments waiting for a slot; beyond it they wait in the database for the scan. */
  queueLimit: number;
  /** How often the database is scanned for payments due a status check or left unsent by a restart. */
  scanIntervalMs: number;
  /** A payment still PROCESSING this long after its request is taken over by the scan (status check first). */
  resumeAfterMs: number;
  statusPollBaseMs: number;
  statusPollMaxMs: number;
}

export const BILLPAY_CONFIG = Symbol('BILLPAY_CONFIG');

const POSITIVE_INTEGER = /^[1-9]\d{0,8}$/;
const URL_PATTERN = /^https?:\/\/\S+$/;

export function readBillpayConfig(
  env: NodeJS.ProcessEnv = process.env,
): Omit<BillpayConfig, 'eventsTopic'> {
  const values = readEnvConfig(
    {
      BILLPAY_HTTP_PORT: {
        default: '3002',
        pattern: PORT_PATTERN,
        description: 'internal HTTP port of the billpay service',
      },
      BILLPAY_DATABASE_URL: {
        default: 'postgres://postgres@127.0.0.1:5432/koperasi_billpay',
        pattern: /^postgres(ql)?:\/\/.+\/[a-z_][a-z0-9_]*$/,
        description: 'PostgreSQL URL of the billpay database',
      },
      KAFKA_BROKERS: {
        default: '127.0.0.1:9092',
        pattern: /^[^,\s]+:\d+(,[^,\s]+:\d+)*$/,
        description: 'comma-separated Kafka brokers, host:port',
      },
      INTERNAL_API_TOKEN: secretEnv('shared secret in x-internal-token'),
      INTERNAL_HTTP_HOST,
      AGGREGATOR_URL: {
        default: 'http://127.0.0.1:3005',
        pattern: URL_PATTERN,
        description: 'base URL of the PPOB aggregator',
      },
      AGGREGATOR_USERNAME: { default: 'kkmp-dev', description: 'our username at the aggregator' },
      AGGREGATOR_API_KEY: secretEnv('key that signs requests to the aggregator'),
      AGGREGATOR_CALLBACK_SECRET: secretEnv(
        "secret of the aggregator's callback signature (X-Hub-Signature, HMAC-SHA1)",
      ),
      AGGREGATOR_TIMEOUT_MS: {
        default: '30000',
        pattern: POSITIVE_INTEGER,
        description: 'how long a transaction call may take',
      },
      AGGREGATOR_QUERY_TIMEOUT_MS: {
        default: '10000',
        pattern: POSITIVE_INTEGER,
        description: 'how long an inquiry or status call may take',
      },
      AGGREGATOR_CALLBACK_MAX_AGE_MS: {
        default: '300000',
        pattern: POSITIVE_INTEGER,
        description: 'oldest callback accepted, by sent_at',
      },
      BILLPAY_DISPATCH_CONCURRENCY: {
        default: '64',
        pattern: POSITIVE_INTEGER,
        description: 'aggregator calls in flight at once',
      },
      BILLPAY_DISPATCH_QUEUE_LIMIT: {
        default: '10000',
        pattern: POSITIVE_INTEGER,
        description: 'payments queued for a call slot',
      },
      BILLPAY_SCAN_INTERVAL_MS: {
        default: '1000',
        pattern: POSITIVE_INTEGER,
        description: 'scan for payments due a status check',
      },
      BILLPAY_RESUME_AFTER_MS: {
        default: '15000',
        pattern: POSITIVE_INTEGER,
        description: 'age of an unanswered payment the scan takes over',
      },
      BILLPAY_STATUS_POLL_BASE_MS: {
        default: '2000',
        pattern: POSITIVE_INTEGER,
        description: 'first wait before a status check',
      },
      BILLPAY_STATUS_POLL_MAX_MS: {
        default: '60000',
        pattern: POSITIVE_INTEGER,
        description: 'longest wait between status checks',
      },
    },
    env,
  );
  return {
    httpPort: Number(values.BILLPAY_HTTP_PORT),
    httpHost: values.INTERNAL_HTTP_HOST,
    databaseUrl: values.BILLPAY_DATABASE_URL,
    kafkaBrokers: parseBrokerList(values.KAFKA_BROKERS),
    internalApiToken: values.INTERNAL_API_TOKEN,
    aggregator: {
      baseUrl: values.AGGREGATOR_URL.replace(/\/+$/, ''),
      username: values.AGGREGATOR_USERNAME,
      apiKey: values.AGGREGATOR_API_KEY,
      callbackSecret: values.AGGREGATOR_CALLBACK_SECRET,
      transactionTimeoutMs: Number(values.AGGREGATOR_TIMEOUT_MS),
      queryTimeoutMs: Number(values.AGGREGATOR_QUERY_TIMEOUT_MS),
      callbackMaxAgeMs: Number(values.AGGREGATOR_CALLBACK_MAX_AGE_MS),
    },
    dispatch: {
      concurrency: Number(values.BILLPAY_DISPATCH_CONCURRENCY),
      queueLimit: Number(values.BILLPAY_DISPATCH_QUEUE_LIMIT),
      scanIntervalMs: Number(values.BILLPAY_SCAN_INTERVAL_MS),
      resumeAfterMs: Number(values.BILLPAY_RESUME_AFTER_MS),
      statusPollBaseMs: Number(values.BILLPAY_STATUS_POLL_BASE_MS),
      statusPollMaxMs: Number(values.BILLPAY_STATUS_POLL_MAX_MS),
    },
  };
}
