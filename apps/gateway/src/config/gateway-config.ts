import { PORT_PATTERN, readEnvConfig } from '@koperasi/platform';
import { parseBrokerList } from '@koperasi/messaging';

export interface GatewayConfig {
  httpPort: number;
  databaseUrl: string;
  kafkaBrokers: string[];
  internalApiToken: string;
  membersInternalUrl: string;
  ledgerInternalUrl: string;
  billpayInternalUrl: string;
  loansInternalUrl: string;
  jwtSecret: string;
  tokenTtlSeconds: number;
  commandTimeoutMs: number;
  adminPassword: string;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

const URL_PATTERN = /^https?:\/\/\S+$/;
const POSITIVE_INTEGER = /^[1-9]\d{0,8}$/;
const DEV_JWT_SECRET = 'dev-jwt-secret-change-me';

/** Reads and checks the gateway's environment once at start; a production start without JWT_SECRET is refused. */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  const values = readEnvConfig(
    {
      GATEWAY_HTTP_PORT: { default: '3000', pattern: PORT_PATTERN, description: 'public HTTP port' },
      GATEWAY_DATABASE_URL: {
        default: 'postgres://postgres@127.0.0.1:5432/koperasi_gateway',
        pattern: /^postgres(ql)?:\/\/\S+$/,
        description: 'PostgreSQL URL of the gateway database (users, idempotency keys)',
      },
      KAFKA_BROKERS: { default: '127.0.0.1:9092', description: 'comma-separated Kafka brokers' },
      INTERNAL_API_TOKEN: { default: 'dev-internal-token', description: 'x-internal-token sent to the services' },
      MEMBERS_INTERNAL_URL: { default: 'http://127.0.0.1:3001', pattern: URL_PATTERN, description: 'members service internal HTTP' },
      LEDGER_INTERNAL_URL: { default: 'http://127.0.0.1:3004', pattern: URL_PATTERN, description: 'ledger service internal HTTP' },
      BILLPAY_INTERNAL_URL: { default: 'http://127.0.0.1:3002', pattern: URL_PATTERN, description: 'billpay service internal HTTP' },
      LOANS_INTERNAL_URL: { default: 'http://127.0.0.1:3003', pattern: URL_PATTERN, description: 'loans service internal HTTP' },
      JWT_SECRET: {
        ...(production ? {} : { default: DEV_JWT_SECRET }),
        pattern: /^.{16,}$/,
        description: 'secret that signs access tokens (at least 16 characters; required when NODE_ENV=production)',
      },
      TOKEN_TTL_SECONDS: { default: '3600', pattern: POSITIVE_INTEGER, description: 'access token lifetime in seconds' },
      COMMAND_TIMEOUT_MS: { default: '10000', pattern: POSITIVE_INTEGER, description: 'how long to wait for a command reply' },
      ADMIN_PASSWORD: {
        default: env.DEMO_PASSWORD || 'koperasi-demo-2026',
        pattern: /^.{10,}$/,
        description: 'password of the bootstrap admin user (at least 10 characters), defaults to DEMO_PASSWORD',
      },
    },
    env,
  );
  if (production && values.JWT_SECRET === DEV_JWT_SECRET) {
    throw new Error('Configuration refused:\n  JWT_SECRET is the development default; set a real secret in production');
  }
  return {
    httpPort: Number(values.GATEWAY_HTTP_PORT),
    databaseUrl: values.GATEWAY_DATABASE_URL,
    kafkaBrokers: parseBrokerList(values.KAFKA_BROKERS),
    internalApiToken: values.INTERNAL_API_TOKEN,
    membersInternalUrl: values.MEMBERS_INTERNAL_URL.replace(/\/+$/, ''),
    ledgerInternalUrl: values.LEDGER_INTERNAL_URL.replace(/\/+$/, ''),
    billpayInternalUrl: values.BILLPAY_INTERNAL_URL.replace(/\/+$/, ''),
    loansInternalUrl: values.LOANS_INTERNAL_URL.replace(/\/+$/, ''),
    jwtSecret: values.JWT_SECRET,
    tokenTtlSeconds: Number(values.TOKEN_TTL_SECONDS),
    commandTimeoutMs: Number(values.COMMAND_TIMEOUT_MS),
    adminPassword: values.ADMIN_PASSWORD,
  };
}
