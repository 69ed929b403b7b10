import { PORT_PATTERN, readEnvConfig, secretEnv } from '@koperasi/platform';
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
  /** Access token lifetime, at most 15 minutes; a refresh token renews it. */
  tokenTtlSeconds: number;
  /** How long one sign-in lasts at most through refreshes: a shift. */
  sessionTtlSeconds: number;
  /** How long a request may trust a cached check of its session and user (disabled, new password, revoked). */
  sessionCheckCacheMs: number;
  /** Peers whose X-Forwarded-For names the client (CIDR list); empty: the peer is the client. */
  trustedProxies: string[];
  commandTimeoutMs: number;
  adminPassword: string;
  login: LoginThrottleConfig;
}

/** How wrong passwords are slowed and then locked out, per username and per client address. */
export interface LoginThrottleConfig {
  /** Wrong passwords in a row that lock a username out. */
  maxFailuresPerUser: number;
  /** Wrong passwords from one address (any usernames) that lock the address out; a koperasi office shares one. */
  maxFailuresPerAddress: number;
  /** The first lockout; each further one doubles, up to lockoutMaxMs. */
  lockoutMs: number;
  lockoutMaxMs: number;
  /** A wrong password is answered after this, doubled for each earlier failure in a row (capped at 2 s). */
  failureDelayMs: number;
  /** Failures older than this are forgotten. */
  failureWindowMs: number;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

const URL_PATTERN = /^https?:\/\/\S+$/;
const POSITIVE_INTEGER = /^[1-9]\d{0,8}$/;
const MILLISECONDS = /^\d{1,9}$/;
/** 1 to 900 seconds: an access token lives at most 15 minutes. */
const ACCESS_TOKEN_SECONDS = /^([1-9]\d?|[1-8]\d\d|900)$/;
/** 0 to 5,000 ms: a disabled user or a new password ends sessions within seconds. */
const CHECK_CACHE_MS = /^([0-9]{1,3}|[1-4]\d{3}|5000)$/;
/** `none`, or comma-separated IPv4/IPv6 addresses and CIDR blocks (each checked again by trustedProxyList). */
const CIDR_LIST = /^(none|[0-9a-fA-F.:]+(\/\d{1,3})?(\s*,\s*[0-9a-fA-F.:]+(\/\d{1,3})?)*)$/;

/** Reads and checks the gateway's environment once at start; a start without its secrets, or with published ones, is refused. */
export function readGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const values = readEnvConfig(
    {
      GATEWAY_HTTP_PORT: {
        default: '3000',
        pattern: PORT_PATTERN,
        description: 'public HTTP port',
      },
      GATEWAY_DATABASE_URL: {
        default: 'postgres://postgres@127.0.0.1:5432/koperasi_gateway',
        pattern: /^postgres(ql)?:\/\/\S+$/,
        description: 'PostgreSQL URL of the gateway database (users, idempotency keys)',
      },
      KAFKA_BROKERS: { default: '127.0.0.1:9092', description: 'comma-separated Kafka brokers' },
      INTERNAL_API_TOKEN: secretEnv('x-internal-token sent to the services'),
      MEMBERS_INTERNAL_URL: {
        default: 'http://127.0.0.1:3001',
        pattern: URL_PATTERN,
        description: 'members service internal HTTP',
      },
      LEDGER_INTERNAL_URL: {
        default: 'http://127.0.0.1:3004',
        pattern: URL_PATTERN,
        description: 'ledger service internal HTTP',
      },
      BILLPAY_INTERNAL_URL: {
        default: 'http://127.0.0.1:3002',
        pattern: URL_PATTERN,
        description: 'billpay service internal HTTP',
      },
      LOANS_INTERNAL_URL: {
        default: 'http://127.0.0.1:3003',
        pattern: URL_PATTERN,
        description: 'loans service internal HTTP',
      },
      JWT_SECRET: secretEnv('secret that signs access tokens'),
      TOKEN_TTL_SECONDS: {
        default: '900',
        pattern: ACCESS_TOKEN_SECONDS,
        description: 'access token lifetime in seconds, at most 900',
      },
      SESSION_TTL_SECONDS: {
        default: '43200',
        pattern: POSITIVE_INTEGER,
        description: 'longest a sign-in lasts through refreshes (a shift)',
      },
      SESSION_CHECK_CACHE_MS: {
        default: '2000',
        pattern: CHECK_CACHE_MS,
        description: 'how long a session check is cached, at most 5000',
      },
      TRUSTED_PROXIES: {
        default: 'none',
        pattern: CIDR_LIST,
        description: 'proxies whose X-Forwarded-For names the client (CIDR list)',
      },
      COMMAND_TIMEOUT_MS: {
        default: '10000',
        pattern: POSITIVE_INTEGER,
        description: 'how long to wait for a command reply',
      },
      ADMIN_PASSWORD: {
        ...secretEnv('password of the bootstrap admin user, defaults to DEMO_PASSWORD', 10),
        ...(env.DEMO_PASSWORD ? { default: env.DEMO_PASSWORD } : {}),
      },
      LOGIN_MAX_FAILURES_PER_USER: {
        default: '5',
        pattern: POSITIVE_INTEGER,
        description: 'wrong passwords in a row that lock a username out',
      },
      LOGIN_MAX_FAILURES_PER_ADDRESS: {
        default: '20',
        pattern: POSITIVE_INTEGER,
        description: 'wrong passwords from one client address that lock it out',
      },
      LOGIN_LOCKOUT_MS: {
        default: '180000',
        pattern: POSITIVE_INTEGER,
        description: 'first lockout after too many wrong passwords (doubles each time)',
      },
      LOGIN_LOCKOUT_MAX_MS: {
        default: '3600000',
        pattern: POSITIVE_INTEGER,
        description: 'longest lockout',
      },
      LOGIN_FAILURE_DELAY_MS: {
        default: '250',
        pattern: MILLISECONDS,
        description: 'delay of the answer to a wrong password (doubles per failure, up to 2 s)',
      },
      LOGIN_FAILURE_WINDOW_MS: {
        default: '900000',
        pattern: POSITIVE_INTEGER,
        description: 'failures older than this are forgotten',
      },
    },
    env,
  );
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
    sessionTtlSeconds: Math.max(
      Number(values.SESSION_TTL_SECONDS),
      Number(values.TOKEN_TTL_SECONDS),
    ),
    sessionCheckCacheMs: Number(values.SESSION_CHECK_CACHE_MS),
    trustedProxies:
      values.TRUSTED_PROXIES === 'none'
        ? []
        : values.TRUSTED_PROXIES.split(',').map((entry) => entry.trim()),
    commandTimeoutMs: Number(values.COMMAND_TIMEOUT_MS),
    adminPassword: values.ADMIN_PASSWORD,
    login: {
      maxFailuresPerUser: Number(values.LOGIN_MAX_FAILURES_PER_USER),
      maxFailuresPerAddress: Number(values.LOGIN_MAX_FAILURES_PER_ADDRESS),
      lockoutMs: Number(values.LOGIN_LOCKOUT_MS),
      lockoutMaxMs: Math.max(Number(values.LOGIN_LOCKOUT_MAX_MS), Number(values.LOGIN_LOCKOUT_MS)),
      failureDelayMs: Number(values.LOGIN_FAILURE_DELAY_MS),
      failureWindowMs: Number(values.LOGIN_FAILURE_WINDOW_MS),
    },
  };
}
