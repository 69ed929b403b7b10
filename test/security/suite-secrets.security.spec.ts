import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SECRET_NAMES = [
  'JWT_SECRET',
  'INTERNAL_API_TOKEN',
  'AGGREGATOR_API_KEY',
  'AGGREGATOR_CALLBACK_SECRET',
  'BANK_API_KEY',
  'DEMO_PASSWORD',
];

/** The environment of a fresh shell: none of the secrets set, and a umask that would make a world-readable file. */
function freshEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of SECRET_NAMES) if (!(name in extra)) delete env[name];
  return env;
}

async function makeSecrets(
  file: string,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const { stdout } = await promisify(execFile)(
    'bash',
    ['-c', 'umask 000 && bash deploy/suite-secrets.sh "$0"', file],
    { env: freshEnvironment(extra) },
  );
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe("npm start's secrets file (.run/secrets.env)", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'suite-secrets-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('is made on the first start with a strong random value for every secret, readable by its owner only', async () => {
    const file = join(directory, '.run', 'secrets.env');
    const secrets = await makeSecrets(file);
    expect(Object.keys(secrets).sort()).toEqual([...SECRET_NAMES].sort());
    for (const value of Object.values(secrets)) expect(value).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(secrets)).size).toBe(SECRET_NAMES.length);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is reused on the next start, so tokens and partner keys survive a restart', async () => {
    const file = join(directory, 'secrets.env');
    const first = await makeSecrets(file);
    const second = await makeSecrets(file);
    expect(second).toEqual(first);
  });

  it('gives way to a secret set in the environment, and keeps its own for the next start', async () => {
    const file = join(directory, 'secrets.env');
    const generated = await makeSecrets(file);
    const chosen = 'f'.repeat(64);
    const withOverride = await makeSecrets(file, { JWT_SECRET: chosen });
    expect(withOverride.JWT_SECRET).toBe(chosen);
    expect(withOverride.BANK_API_KEY).toBe(generated.BANK_API_KEY);
    expect(readFileSync(file, 'utf8')).toContain(`JWT_SECRET=${generated.JWT_SECRET}`);
  });

  it('is never committed: git ignores .run/secrets.env and a compose .env', async () => {
    const { stdout } = await promisify(execFile)('git', [
      'check-ignore',
      '.run/secrets.env',
      '.env',
    ]);
    expect(stdout.trim().split('\n')).toEqual(['.run/secrets.env', '.env']);
  });

  it('is what npm start loads before it starts any service', () => {
    const script = readFileSync('deploy/start-suite.sh', 'utf8');
    const loads = script.indexOf('load_suite_secrets .run/secrets.env');
    expect(loads).toBeGreaterThan(0);
    expect(loads).toBeLessThan(script.indexOf('node "dist/apps/$service/src/main.js"'));
  });
});
