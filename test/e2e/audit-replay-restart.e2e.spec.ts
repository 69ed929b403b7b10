import pg from 'pg';
import { waitFor } from '@koperasi/testing';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';

/** Valid NIKs of Kota Semarang (33 74 01), a man born 15-08-1990. */
function nik(serial: number): string {
  return `337401150890${String(serial).padStart(4, '0')}`;
}

/** A replay is short on a small history: tries to catch one running before it ends. */
const ATTEMPTS_TO_CATCH_RUNNING = 8;

describe('audit replay jobs survive a ledger restart (SIGKILL)', () => {
  const suite = new SuiteHarness();
  let auditor: ApiClient;

  beforeAll(async () => {
    await suite.startAll();
    const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const koperasi = await admin.post('/koperasi', {
      code: 'SMG',
      name: 'KKMP Sumurboto',
      kelurahan: 'Sumurboto',
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
      simpananPokokAmount: 25_000,
      simpananWajibMonthlyAmount: 15_000,
    });
    expect(koperasi.status).toBe(201);
    expect(
      (
        await admin.post('/users', {
          username: 'teller.smg',
          fullName: 'Teller Sumurboto',
          password: DEMO_PASSWORD,
          role: 'teller',
          koperasiId: koperasi.body.id,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post('/users', {
          username: 'auditor.smg',
          fullName: 'Agus Prasetyo',
          password: DEMO_PASSWORD,
          role: 'auditor',
          koperasiId: koperasi.body.id,
        })
      ).status,
    ).toBe(201);
    const teller = await new ApiClient(suite.gatewayUrl).login('teller.smg', DEMO_PASSWORD);
    for (let serial = 1; serial <= 3; serial++) {
      const member = await teller.post('/members', {
        nik: nik(serial),
        fullName: `Anggota Sumurboto ${'ABC'[serial - 1]}`,
        address: 'Jl. Sumurboto 1',
        kelurahan: 'Sumurboto',
      });
      expect(member.status).toBe(201);
      expect(
        (await teller.post(`/members/${member.body.id}/simpanan-pokok`, { amount: 25_000 })).status,
      ).toBeLessThan(300);
    }
    auditor = await new ApiClient(suite.gatewayUrl).login('auditor.smg', DEMO_PASSWORD);
    // The books hold the history before the replay compares with them.
    await waitFor('the ledger to post the savings', async () => {
      const entries = await auditor.get('/audit/entries?limit=1000');
      return entries.status === 200 && entries.body.entries.length >= 3;
    });
  }, 300_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  it('given a replay running, when the ledger is killed and started again, then the job is taken up from the beginning, says so, and ends identical', async () => {
    let jobId: string | null = null;
    for (let attempt = 0; attempt < ATTEMPTS_TO_CATCH_RUNNING && jobId === null; attempt++) {
      const started = await auditor.post('/audit/replays', {}, null);
      expect(started.status).toBe(202);
      for (let poll = 0; poll < 200; poll++) {
        const job = (await auditor.get(`/audit/replays/${started.body.id}`)).body;
        if (job.status === 'running') {
          suite.kill('ledger');
          jobId = started.body.id;
          break;
        }
        if (job.status === 'done' || job.status === 'failed') break;
      }
    }
    expect(jobId).not.toBeNull();

    // While the ledger is down the job cannot be read, and says why in words.
    const whileDown = await auditor.get(`/audit/replays/${jobId}`);
    expect(whileDown.status).toBe(503);
    expect(whileDown.body.message).toMatch(/ledger/);

    await suite.start('ledger');
    let job: any;
    await waitFor(
      'the replay to finish after the restart',
      async () => {
        job = (await auditor.get(`/audit/replays/${jobId}`)).body;
        return job.status === 'done' || job.status === 'failed';
      },
      120_000,
    );
    expect(job).toMatchObject({
      status: 'done',
      error: null,
      restarts: 1,
      result: { identical: true },
    });
    expect(Date.parse(job.lastRestartedAt)).toBeGreaterThan(Date.parse(job.requestedAt));
    expect(job.progress.total).toBeGreaterThan(0);
    expect(job.progress.done).toBe(job.progress.total);

    // What the cut-short run had built is gone; nothing but the finished job's record is left.
    const ledger = new pg.Client({ connectionString: suite.databaseUrl('ledger') });
    await ledger.connect();
    try {
      const { rows } = await ledger.query(
        `SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'replay\\_%'`,
      );
      expect(rows).toEqual([]);
    } finally {
      await ledger.end();
    }
  });

  it('given a finished job, when the ledger restarts, then the job and its result are still there and it is not run again', async () => {
    const started = await auditor.post('/audit/replays', {}, null);
    let before: any;
    await waitFor('the replay to finish', async () => {
      before = (await auditor.get(`/audit/replays/${started.body.id}`)).body;
      return before.status === 'done';
    });
    suite.kill('ledger');
    await suite.start('ledger');
    const after = await auditor.get(`/audit/replays/${started.body.id}`);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before);
  });
});
