import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';

const REGISTRATIONS_PER_RUN = 8;

function koperasi(code: string) {
  return {
    code,
    name: `KKMP ${code}`,
    kelurahan: 'Gedawang',
    kecamatan: 'Banyumanik',
    kotaKabupaten: 'Kota Semarang',
    provinsi: 'Jawa Tengah',
    simpananPokokAmount: 25_000,
    simpananWajibMonthlyAmount: 15_000,
  };
}

/**
 * Two runs of the suite on one broker, as when `npm test` runs beside `npm start` or two engineers test at
 * once: each run's commands reach its own services and its replies its own gateway (KAFKA_NAMESPACE).
 */
describe('two suites on one Kafka broker', () => {
  const runs = [new SuiteHarness(), new SuiteHarness()];

  beforeAll(async () => {
    await Promise.all(runs.map((run) => run.startAll(['members', 'gateway'])));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(runs.map((run) => run.stopAll()));
  }, 60_000);

  it('each sees only its own commands: every registration answered by its own run, none in the other', async () => {
    expect(runs[0].kafkaNamespace).not.toBe(runs[1].kafkaNamespace);
    const admins = await Promise.all(
      runs.map((run) => new ApiClient(run.gatewayUrl).login('admin', DEMO_PASSWORD)),
    );
    const codesOf = (run: number) =>
      Array.from({ length: REGISTRATIONS_PER_RUN }, (_, i) => `R${run}K${i}`);

    // Both at once, so a shared consumer group would split the commands between the two members services.
    const answers = await Promise.all(
      [0, 1].flatMap((run) =>
        codesOf(run).map(async (code) => ({
          run,
          code,
          status: (await admins[run].post('/koperasi', koperasi(code))).status,
        })),
      ),
    );
    expect(answers.filter((answer) => answer.status !== 201)).toEqual([]);

    for (const run of [0, 1]) {
      const listed = await admins[run].get<{ code: string }[]>('/koperasi');
      expect(listed.status).toBe(200);
      expect(listed.body.map((row) => row.code).sort()).toEqual(codesOf(run).sort());
    }
  }, 120_000);
});
