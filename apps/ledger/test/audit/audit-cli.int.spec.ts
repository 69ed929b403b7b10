import { PassThrough } from 'node:stream';
import { databaseUrlFor } from '@koperasi/database';
import {
  runAuditCommand,
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_USAGE,
} from '../../src/audit/cli/run-audit-command.js';
import { AuditHistoryFixture } from './audit-history-fixture.js';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  (stderr as unknown as PassThrough).on('data', (chunk: Buffer) => (err += chunk.toString()));
  const status = await runAuditCommand(args, { stdout, stderr, env });
  return { status, stdout: out, stderr: err };
}

describe('audit CLI: commands, clear configuration errors and exit status', () => {
  const history = new AuditHistoryFixture();
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await history.create({ events: 600, koperasiCount: 2, publish: false });
    const urls = history.urls();
    env = {
      MEMBERS_DATABASE_URL: urls.members,
      BILLPAY_DATABASE_URL: urls.billpay,
      LOANS_DATABASE_URL: urls.loans,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS,
    };
  }, 60_000);

  afterAll(async () => {
    await history.drop();
  });

  it('given intact stores, when verify runs without Kafka, then it says so on stdout and exits 0; --json gives the result object', async () => {
    const human = await run(['verify', '--no-kafka', '--quiet'], env);
    expect(human).toMatchObject({ status: EXIT_OK, stderr: '' });
    expect(human.stdout).toContain('Hash chains: 600 events');
    expect(human.stdout).toContain('Result: the history is intact.');
    const json = await run(['verify', '--no-kafka', '--quiet', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, events: 600, kafka: null });
  });

  it('given an altered event, then verify prints the broken link and exits 1', async () => {
    const { rows } = await history
      .pool('loans')
      .query(`SELECT event_id, data FROM events WHERE type = 'InstallmentCollected' LIMIT 1`);
    await history.behindTriggers(
      'loans',
      `UPDATE events SET data = jsonb_set(data, '{feeRp}', '0') WHERE event_id = $1`,
      [rows[0].event_id],
    );
    try {
      const result = await run(['verify', '--no-kafka', '--quiet'], env);
      expect(result.status).toBe(EXIT_FINDINGS);
      expect(result.stdout).toMatch(
        new RegExp(
          `BROKEN loans collection-\\S+ v1 \\(event ${rows[0].event_id}\\): hash does not match`,
        ),
      );
    } finally {
      await history.behindTriggers('loans', 'UPDATE events SET data = $2 WHERE event_id = $1', [
        rows[0].event_id,
        rows[0].data,
      ]);
    }
  });

  it('given a database URL that is not a URL, or a database that does not exist, then exit 2 naming the variable', async () => {
    const malformed = await run(['verify', '--no-kafka'], {
      ...env,
      LOANS_DATABASE_URL: 'mysql://somewhere/loans',
    });
    expect(malformed.status).toBe(EXIT_USAGE);
    expect(malformed.stderr).toContain('LOANS_DATABASE_URL=mysql://somewhere/loans is malformed');
    const absent = await run(['verify', '--no-kafka'], {
      ...env,
      BILLPAY_DATABASE_URL: databaseUrlFor(history.urls().billpay, 'no_such_database_here'),
    });
    expect(absent.status).toBe(EXIT_USAGE);
    expect(absent.stderr).toMatch(
      /BILLPAY_DATABASE_URL \(postgres:\/\/.*no_such_database_here\): cannot connect/,
    );
  });

  it('given no command, an unknown one, an unknown option or a bad value, then exit 2 with the usage', async () => {
    for (const [args, message] of [
      [[], 'a command is needed'],
      [['rebuild'], 'unknown command rebuild'],
      [['verify', '--colour'], "Unknown option '--colour'"],
      [['replay', '--source=ftp'], '--source must be one of stores, kafka'],
      [['replay', '--as-of=yesterday'], '--as-of must be'],
      [['verify', '--services=members,payroll'], 'payroll is not one'],
      [
        [
          'shu',
          '--koperasi=k',
          '--year=2025',
          '--shu=1000',
          '--jasa-usaha=12.345',
          '--jasa-modal=1',
        ],
        '--jasa-usaha must be a percentage',
      ],
      [['export', '--koperasi=k', '--from=2025-02-30', '--to=2025-03-01'], '--from must be'],
    ] as const) {
      const result = await run([...args], env);
      expect({ args, status: result.status }).toEqual({ args, status: EXIT_USAGE });
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('Usage: npm run audit');
    }
  });
});
