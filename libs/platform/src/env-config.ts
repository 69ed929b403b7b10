/** A value read from the environment: required unless a default is given, checked at start. */
export interface EnvSpec {
  default?: string;
  pattern?: RegExp;
  description: string;
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
    if (value === undefined || value === '') problems.push(`${name} is missing: ${spec.description}`);
    else if (spec.pattern && !spec.pattern.test(value)) problems.push(`${name}=${value} is malformed: ${spec.description}`);
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
