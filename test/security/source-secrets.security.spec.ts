import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The secrets each service reads, and the values earlier versions of this code used by default. */
const PUBLISHED: Record<string, string> = {
  JWT_SECRET: 'dev-jwt-secret-change-me',
  INTERNAL_API_TOKEN: 'dev-internal-token',
  AGGREGATOR_API_KEY: 'dev-aggregator-api-key',
  AGGREGATOR_CALLBACK_SECRET: 'dev-aggregator-callback-secret',
  BANK_API_KEY: 'dev-bank-api-key',
  DEMO_PASSWORD: 'koperasi-demo-2026',
};
const SECRETS_OF: Record<string, string[]> = {
  gateway: ['JWT_SECRET', 'INTERNAL_API_TOKEN', 'ADMIN_PASSWORD'],
  members: ['INTERNAL_API_TOKEN'],
  billpay: ['INTERNAL_API_TOKEN', 'AGGREGATOR_API_KEY', 'AGGREGATOR_CALLBACK_SECRET'],
  loans: ['INTERNAL_API_TOKEN', 'BANK_API_KEY'],
  ledger: ['INTERNAL_API_TOKEN'],
  'partner-sim': ['AGGREGATOR_API_KEY', 'AGGREGATOR_CALLBACK_SECRET', 'BANK_API_KEY'],
};
const EXIT_WAIT_MS = 20_000;

/**
 * Starts a service as npm start would without secrets, with nothing real to reach (databases and brokers on a
 * closed port, its own HTTP port), so a service that wrongly starts touches nothing; its exit code and output.
 */
function startWith(
  service: string,
  secrets: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const entry = `dist/apps/${service}/src/main.js`;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', ...secrets };
  for (const name of [...Object.keys(PUBLISHED), 'ADMIN_PASSWORD'])
    if (!(name in secrets)) delete env[name];
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  for (const name of ['GATEWAY', 'MEMBERS', 'BILLPAY', 'LOANS', 'LEDGER', 'PARTNER_SIM'])
    env[`${name}_HTTP_PORT`] = port;
  for (const name of ['GATEWAY', 'MEMBERS', 'BILLPAY', 'LOANS', 'LEDGER'])
    env[`${name}_DATABASE_URL`] = 'postgres://postgres@127.0.0.1:1/refused_start';
  env.KAFKA_BROKERS = '127.0.0.1:1';
  // Some services log the refusal as JSON on stdout, others on stderr.
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output += chunk.toString());
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_WAIT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('no service starts with a secret that is missing or published in the source code', () => {
  it.each(Object.keys(SECRETS_OF))(
    '%s refuses to start without its secrets, naming each one and how to make it',
    async (service) => {
      const { code, output } = await startWith(service, {});
      expect(code).toBe(1);
      for (const name of SECRETS_OF[service]) expect(output).toContain(`${name} is missing`);
      expect(output).toContain('openssl rand -hex 32');
    },
    30_000,
  );

  it.each(Object.keys(SECRETS_OF))(
    '%s refuses the old development defaults, whatever NODE_ENV says',
    async (service) => {
      const { code, output } = await startWith(service, {
        ...PUBLISHED,
        ADMIN_PASSWORD: PUBLISHED.DEMO_PASSWORD,
      });
      expect(code).toBe(1);
      for (const name of SECRETS_OF[service])
        expect(output).toContain(`${name} is a value published in the source code`);
      // The refusal names the variable, never its value.
      expect(output).not.toContain(PUBLISHED.JWT_SECRET);
    },
    30_000,
  );
});
