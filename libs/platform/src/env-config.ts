/** A value read from the environment: required unless a default is given, checked at start. */
export interface EnvSpec {
  default?: string;
  pattern?: RegExp;
  description: string;
  /** Never printed; refused when short or published in the source code (see secretEnv). */
  secret?: boolean;
}

/** Secrets at least this long: 32 random characters are out of reach of guessing and of offline brute force. */
export const SECRET_MIN_LENGTH = 32;

/**
 * Secrets this repository has published (defaults of earlier versions, old test fixtures): anyone who read the
 * code knows them, so no service accepts one, whatever NODE_ENV says.
 */
export const SOURCE_CODE_SECRETS: ReadonlySet<string> = new Set([
  'dev-jwt-secret-change-me',
  'dev-internal-token',
  'dev-aggregator-api-key',
  'dev-aggregator-callback-secret',
  'dev-bank-api-key',
  'koperasi-demo-2026',
  'e2e-jwt-secret-at-least-16-chars',
  'e2e-internal-token',
  'e2e-aggregator-api-key',
  'e2e-aggregator-callback-secret',
  'e2e-bank-api-key',
  'e2e-password-2026',
]);

const SECRET_HOW_TO =
  'npm start generates one in .run/secrets.env; elsewhere set a random value, e.g. `openssl rand -hex 32`';

/** A secret with no default: a start without it, or with a published or short one, is refused. */
export function secretEnv(description: string, minLength = SECRET_MIN_LENGTH): EnvSpec {
  return {
    description: `${description}, at least ${minLength} characters without spaces`,
    secret: true,
    pattern: new RegExp(`^\\S{${minLength},}$`),
  };
}

/**
 * Reads and checks every variable a service needs at start, and refuses to start with one message that
 * names each missing or malformed value, instead of failing later on first use.
 */
export function readEnvConfig<K extends string>(
  specs: Record<K, EnvSpec>,
  env: NodeJS.ProcessEnv = process.env,
): Record<K, string> {
  const values = {} as Record<K, string>;
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(specs) as [K, EnvSpec][]) {
    const value = env[name] ?? spec.default;
    const shown = spec.secret ? name : `${name}=${value}`;
    const howTo = spec.secret ? ` (${SECRET_HOW_TO})` : '';
    if (value === undefined || value === '')
      problems.push(`${name} is missing: ${spec.description}${howTo}`);
    else if (spec.secret && SOURCE_CODE_SECRETS.has(value)) {
      problems.push(
        `${name} is a value published in the source code, known to anyone: ${spec.description}${howTo}`,
      );
    } else if (spec.pattern && !spec.pattern.test(value))
      problems.push(`${shown} is malformed: ${spec.description}${howTo}`);
    else values[name] = value;
  }
  if (problems.length > 0) throw new Error(`Configuration refused:\n  ${problems.join('\n  ')}`);
  return values;
}

export const PORT_PATTERN = /^\d{2,5}$/;

/** Internal query APIs stay on loopback unless a deployment (containers) needs another address. */
export const INTERNAL_HTTP_HOST: EnvSpec = {
  default: '127.0.0.1',
  description: 'address the internal HTTP API binds to (0.0.0.0 inside containers)',
};
