import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import { ApiClient } from '../support/api-client.js';
import { SuiteHarness, type SuiteSecrets } from '../support/suite-harness.js';

/** The defaults earlier versions ran with whenever nothing was set, as `npm start` did. */
const OLD_JWT_SECRET = 'dev-jwt-secret-change-me';
const OLD_CALLBACK_SECRET = 'dev-aggregator-callback-secret';
const OLD_INTERNAL_TOKEN = 'dev-internal-token';
const SECRET_NAMES = [
  'JWT_SECRET',
  'INTERNAL_API_TOKEN',
  'AGGREGATOR_API_KEY',
  'AGGREGATOR_CALLBACK_SECRET',
  'BANK_API_KEY',
  'DEMO_PASSWORD',
];

/** What npm start runs the services with on a fresh clone: the secrets deploy/suite-secrets.sh makes, nothing set before. */
async function npmStartSecrets(file: string): Promise<SuiteSecrets> {
  const env = { ...process.env };
  for (const name of SECRET_NAMES) delete env[name];
  const { stdout } = await promisify(execFile)('bash', ['deploy/suite-secrets.sh', file], { env });
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  ) as unknown as SuiteSecrets;
}

function callback(secret: string): { raw: string; signature: string } {
  const raw = JSON.stringify({
    callback_id: randomUUID(),
    sent_at: new Date().toISOString(),
    data: {
      ref_id: `KKMP-${randomUUID()}`,
      status: 'Gagal',
      rc: '02',
      message: 'forged',
      price_rp: 0,
      sn: '',
      balance_rp: 0,
    },
  });
  return { raw, signature: `sha1=${createHmac('sha1', secret).update(raw).digest('hex')}` };
}

describe('a suite started the way npm start starts it accepts none of the old default secrets', () => {
  const directory = mkdtempSync(join(tmpdir(), 'npm-start-secrets-'));
  let suite: SuiteHarness;

  beforeAll(async () => {
    suite = new SuiteHarness({ secrets: await npmStartSecrets(join(directory, 'secrets.env')) });
    await suite.startAll();
  }, 300_000);
  afterAll(async () => {
    await suite?.stopAll();
    rmSync(directory, { recursive: true, force: true });
  }, 60_000);

  it('refuses an admin token forged with the old default JWT secret (401), and lets the real admin list koperasi', async () => {
    const forged = await new JwtService().signAsync(
      {
        sub: randomUUID(),
        username: 'admin',
        role: 'admin',
        koperasiId: null,
        kotaKabupaten: null,
      },
      { secret: OLD_JWT_SECRET, algorithm: 'HS256', expiresIn: 3600 },
    );
    const refused = await fetch(`${suite.gatewayUrl}/koperasi`, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(refused.status).toBe(401);

    const admin = await new ApiClient(suite.gatewayUrl).login('admin', suite.secrets.DEMO_PASSWORD);
    expect((await admin.get('/koperasi')).status).toBe(200);
  });

  it('refuses a partner callback signed with the old default callback secret (401 INVALID_SIGNATURE)', async () => {
    const post = (signed: { raw: string; signature: string }) =>
      fetch(`${suite.gatewayUrl}/billpay/callbacks/digiflazz`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature': signed.signature },
        body: signed.raw,
      });
    const forged = await post(callback(OLD_CALLBACK_SECRET));
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: string }).error).toBe('INVALID_SIGNATURE');

    // The same kind of callback signed with the secret partner-sim shares is read (and finds no such payment).
    const genuine = await post(callback(suite.secrets.AGGREGATOR_CALLBACK_SECRET));
    expect(genuine.status).toBe(200);
    expect(((await genuine.json()) as { verdict: string }).verdict).toBe('UNKNOWN_PAYMENT');
  });

  it.each([
    ['members', '/internal/koperasi'],
    ['billpay', `/internal/koperasi/${randomUUID()}/payments`],
    ['loans', `/internal/koperasi/${randomUUID()}/agreements`],
    ['ledger', `/internal/koperasi/${randomUUID()}/accounts`],
  ] as const)(
    '%s refuses the old default internal token (401) on its internal API',
    async (service, path) => {
      const ask = (token: string) =>
        fetch(`${suite.serviceUrl(service)}${path}`, { headers: { 'x-internal-token': token } });
      expect((await ask(OLD_INTERNAL_TOKEN)).status).toBe(401);
      expect((await ask(suite.secrets.INTERNAL_API_TOKEN)).status).not.toBe(401);
    },
  );
});
