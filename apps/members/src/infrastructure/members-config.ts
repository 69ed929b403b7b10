import { INTERNAL_HTTP_HOST, PORT_PATTERN, readEnvConfig, secretEnv } from '@koperasi/platform';
import { parseBrokerList } from '@koperasi/messaging';

export interface MembersConfig {
  httpPort: number;
  httpHost: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  internalApiToken: string;
  /** Where the outbox relay publishes; tests point it at a topic of their own. */
  eventsTopic: string;
}

export const MEMBERS_CONFIG = Symbol('MEMBERS_CONFIG');

export function readMembersConfig(
  env: NodeJS.ProcessEnv = process.env,
): Omit<MembersConfig, 'eventsTopic'> {
  const values = readEnvConfig(
    {
      MEMBERS_HTTP_PORT: {
        default: '3001',
        pattern: PORT_PATTERN,
        description: 'internal HTTP port of the members service',
      },
      MEMBERS_DATABASE_URL: {
        default: 'postgres://postgres@127.0.0.1:5432/koperasi_members',
        pattern: /^postgres(ql)?:\/\/.+\/[a-z_][a-z0-9_]*$/,
        description: 'PostgreSQL URL of the members database',
      },
      KAFKA_BROKERS: {
        default: '127.0.0.1:9092',
        pattern: /^[^,\s]+:\d+(,[^,\s]+:\d+)*$/,
        description: 'comma-separated Kafka brokers, host:port',
      },
      INTERNAL_API_TOKEN: secretEnv('shared secret in x-internal-token'),
      INTERNAL_HTTP_HOST,
    },
    env,
  );
  return {
    httpPort: Number(values.MEMBERS_HTTP_PORT),
    httpHost: values.INTERNAL_HTTP_HOST,
    databaseUrl: values.MEMBERS_DATABASE_URL,
    kafkaBrokers: parseBrokerList(values.KAFKA_BROKERS),
    internalApiToken: values.INTERNAL_API_TOKEN,
  };
}
