import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../../domain/index.js';
import { parseAsOf } from '../../queries/parse-as-of.js';
import { exportHistory, type ExportFormat, type ExportKind } from '../export/export-history.js';
import { runReplay, type ReplaySource } from '../replay/run-replay.js';
import { computeShu } from '../shu/compute-shu.js';
import { ShuInputError } from '../shu/shu-calculation.js';
import { SERVICES, type ServiceName, type ServiceStore } from '../sources/service-stores.js';
import { verifyStores } from '../verify/verify-stores.js';
import { checkDatabases, connectKafka, readAuditEnvironment, UsageError } from './audit-config.js';
import { ProgressBar } from './progress-bar.js';
import { exportSummary, replaySummary, shuSummary, verifySummary } from './summaries.js';

export const EXIT_OK = 0;
/** verify found a break, or replay found a difference. */
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_FAILED = 3;

export const USAGE = `Usage: npm run audit -- <command> [options]

  verify   every hash chain of every service's event store, and Kafka against the stores
           [--no-kafka] [--services=members,billpay,loans] [--workers=N]
  replay   rebuild the books from the history into a schema of their own and compare with the live books
           [--source=stores|kafka] [--as-of=2025-10-31|2025-10-31T12:00:00+07:00] [--keep-schema] [--services=...]
  export   one koperasi's events or journal entries in a date range (dates are WIB days, both included)
           --koperasi=ID --from=2025-10-01 --to=2025-10-31 [--kind=events|entries] [--format=csv|jsonl] [--out=FILE]
  shu      SHU shares of a financial year (calendar year in WIB), from the members history
           --koperasi=ID --year=2025 --shu=10000000 --jasa-usaha=40 --jasa-modal=30

  Every command: --json (the result as JSON on stdout), --quiet (no progress on stderr).
  Environment: LEDGER_DATABASE_URL, MEMBERS_DATABASE_URL, BILLPAY_DATABASE_URL, LOANS_DATABASE_URL, KAFKA_BROKERS,
  and MEMBERS_EVENTS_TOPIC, BILLPAY_EVENTS_TOPIC, LOANS_EVENTS_TOPIC where the topics are not the default ones.
  Exit status: 0 all well, 1 verify found a break or replay a difference, 2 bad usage or configuration, 3 failure.`;

export interface CommandIo {
  stdout: Writable;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

const OPTIONS = {
  json: { type: 'boolean' },
  quiet: { type: 'boolean' },
  services: { type: 'string' },
  workers: { type: 'string' },
  'no-kafka': { type: 'boolean' },
  source: { type: 'string' },
  'as-of': { type: 'string' },
  'keep-schema': { type: 'boolean' },
  koperasi: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  kind: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  year: { type: 'string' },
  shu: { type: 'string' },
  'jasa-usaha': { type: 'string' },
  'jasa-modal': { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** Runs one auditor's command and returns the exit status; main() only wires it to the process. */
export async function runAuditCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...extra] = positionals;
    if (values.help || command === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (!command) throw new UsageError('a command is needed: verify, replay, export or shu');
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
    const progress = new ProgressBar(io.stderr, !values.quiet);
    const print = (result: unknown, summary: string) =>
      io.stdout.write(`${values.json ? JSON.stringify(result, null, 2) : summary}\n`);
    const env = readAuditEnvironment(io.env);
    const stores = selectedStores(env.stores, values.services);
    switch (command) {
      case 'verify': {
        const workers =
          values.workers === undefined
            ? undefined
            : wholeNumber('--workers', values.workers, 0, 16);
        await checkDatabases({ stores });
        const kafka = values['no-kafka'] ? null : await connectKafka(env.kafkaBrokers);
        const result = await verifyStores({ stores, kafka, workers }, (update) =>
          progress.update(update),
        );
        progress.finishLine();
        print(result, verifySummary(result));
        return result.ok ? EXIT_OK : EXIT_FINDINGS;
      }
      case 'replay': {
        const source = oneOf<ReplaySource>('--source', values.source ?? 'stores', [
          'stores',
          'kafka',
        ]);
        const asOf = values['as-of'] === undefined ? null : parseAsOf(values['as-of']);
        if (values['as-of'] !== undefined && !asOf)
          throw new UsageError(
            '--as-of must be YYYY-MM-DD (the end of that day in WIB) or an ISO 8601 date-time, e.g. 2025-10-31T12:00:00+07:00',
          );
        await checkDatabases({
          ledgerDatabaseUrl: env.ledgerDatabaseUrl,
          stores: source === 'stores' ? stores : [],
        });
        const kafka = source === 'kafka' ? await connectKafka(env.kafkaBrokers) : null;
        const result = await runReplay(
          {
            source,
            ledgerDatabaseUrl: env.ledgerDatabaseUrl,
            stores,
            kafka,
            asOf,
            keepSchema: values['keep-schema'] ?? false,
          },
          (update) => progress.update(update),
        );
        progress.finishLine();
        print(result, replaySummary(result));
        return result.identical ? EXIT_OK : EXIT_FINDINGS;
      }
      case 'export': {
        const koperasiId = required('--koperasi', values.koperasi);
        const from = dayStart('--from', required('--from', values.from));
        const to = dayEnd('--to', required('--to', values.to));
        const kind = oneOf<ExportKind>('--kind', values.kind ?? 'events', ['events', 'entries']);
        const format = oneOf<ExportFormat>('--format', values.format ?? 'csv', ['csv', 'jsonl']);
        await checkDatabases(
          kind === 'events' ? { stores } : { ledgerDatabaseUrl: env.ledgerDatabaseUrl },
        );
        const toFile = values.out !== undefined && values.out !== '-';
        const out = toFile ? createWriteStream(values.out!) : io.stdout;
        const result = await exportHistory(
          {
            kind,
            format,
            koperasiId,
            from,
            to,
            out,
            stores,
            ledgerDatabaseUrl: env.ledgerDatabaseUrl,
          },
          (update) => progress.update(update),
        );
        progress.finishLine();
        // Written to stdout, the export is the output; the summary then goes to stderr.
        if (toFile) print(result, exportSummary(result, values.out!));
        else if (!values.quiet) io.stderr.write(`${exportSummary(result, 'stdout')}\n`);
        return EXIT_OK;
      }
      case 'shu': {
        await checkDatabases({ stores: [env.stores.members] });
        const result = await computeShu(
          {
            membersDatabaseUrl: env.stores.members.databaseUrl,
            koperasiId: required('--koperasi', values.koperasi),
            year: wholeNumber('--year', required('--year', values.year), 2000, 9998),
            shuRp: wholeNumber('--shu', required('--shu', values.shu), 1, Number.MAX_SAFE_INTEGER),
            jasaUsahaPercent: percent(
              '--jasa-usaha',
              required('--jasa-usaha', values['jasa-usaha']),
            ),
            jasaModalPercent: percent(
              '--jasa-modal',
              required('--jasa-modal', values['jasa-modal']),
            ),
          },
          (update) => progress.update(update),
        );
        progress.finishLine();
        print(result, shuSummary(result));
        return EXIT_OK;
      }
      default:
        throw new UsageError(`unknown command ${command}: verify, replay, export or shu`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ShuInputError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr.write(`audit: ${(error as Error).message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(
      `audit: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_FAILED;
  }
}

function selectedStores(
  all: Record<ServiceName, ServiceStore>,
  option: string | undefined,
): ServiceStore[] {
  if (option === undefined) return SERVICES.map((service) => all[service]);
  const names = option
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(SERVICES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0)
    throw new UsageError(
      `--services takes a list of ${SERVICES.join(', ')}${unknown.length > 0 ? `; ${unknown.join(', ')} is not one` : ''}`,
    );
  return SERVICES.filter((service) => names.includes(service)).map((service) => all[service]);
}

function required(option: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${option} is required`);
  return value.trim();
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not ${value}`);
  return value as T;
}

function wholeNumber(option: string, value: string, min: number, max: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max)
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not ${value}`);
  return number;
}

function percent(option: string, value: string): number {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value) || Number(value) > 100)
    throw new UsageError(
      `${option} must be a percentage from 0 to 100 with at most two decimals, not ${value}`,
    );
  return Number(value);
}

/** A WIB day's first instant, or an ISO date-time as given. */
function dayStart(option: string, value: string): Date {
  if (isCalendarDate(value)) return new Date(`${value}T00:00:00+07:00`);
  return instant(option, value);
}

/** The instant after a WIB day (the day is included), or an ISO date-time as given (excluded). */
function dayEnd(option: string, value: string): Date {
  if (isCalendarDate(value))
    return new Date(new Date(`${value}T00:00:00+07:00`).getTime() + 86_400_000);
  return instant(option, value);
}

function instant(option: string, value: string): Date {
  const parsed = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(value) ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime()))
    throw new UsageError(
      `${option} must be YYYY-MM-DD (a WIB day) or an ISO 8601 date-time with its offset, not ${value}`,
    );
  return parsed;
}
