/**
 * npm run bench:audit: generates a history of BENCH_EVENTS events (default 1,000,000) across BENCH_KOPERASI
 * koperasi (default 100) straight into fresh event stores (COPY), builds the audit indexes on it, has the live
 * ledger projection book it, then times the auditor's main queries (p50/p99 over BENCH_QUERY_RUNS picks) and
 * measures verify (hash chains) and replay (rebuild from the stores, then the comparison with live).
 * Prints JSON lines. Knobs: BENCH_QUERIES_ONLY=1 stops after the query timings; BENCH_KAFKA=1 also publishes
 * the history through the relay and measures the Kafka check and the replay from Kafka; BENCH_WORKERS sets
 * verify's worker threads; BENCH_KEEP=1 keeps the databases.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { UpcasterRegistry, type EventEnvelope } from '@koperasi/contracts';
import { runMigrations } from '@koperasi/database';
import {
  EventStoreAuditIndexes1790000000003,
  EventStoreSchema1790000000000,
} from '@koperasi/eventstore';
import { createKafka, kafkaBrokersFromEnv } from '@koperasi/messaging';
import { createPgPool } from '@koperasi/service-kit';
import { createTestDatabase, createTestTopics, type TestDatabase } from '@koperasi/testing';
import { runReplay, verifyStores, type ServiceStore } from '../../apps/ledger/src/audit/index.js';
import { readStoreHistory } from '../../apps/ledger/src/audit/replay/event-sources.js';
import { projectEvents } from '../../apps/ledger/src/posting/project-events.js';
import { LEDGER_MIGRATIONS } from '../../apps/ledger/src/schema/ledger-migrations.js';
import {
  generateHistory,
  HISTORY_SERVICES,
  publishHistory,
  type HistoryService,
} from './history-generator.js';
import { useLocalInfrastructureByDefault } from './bench-environment.js';
import { report } from './percentile.js';
import { timeAuditQueries } from './audit-query-timings.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const KOPERASI = Number(process.env.BENCH_KOPERASI ?? 100);
const WITH_KAFKA = process.env.BENCH_KAFKA === '1';
const WORKERS =
  process.env.BENCH_WORKERS === undefined ? undefined : Number(process.env.BENCH_WORKERS);
const KEEP = process.env.BENCH_KEEP === '1';
const QUERIES_ONLY = process.env.BENCH_QUERIES_ONLY === '1';
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 200);
/** The store as the services migrate it; the audit indexes are built after the history is in (timed below). */
const STORE_SCHEMA = [EventStoreSchema1790000000000];
const STORE_MIGRATIONS = [EventStoreSchema1790000000000, EventStoreAuditIndexes1790000000003];
/**
 * Events per transaction when the bench builds the live books. The live consumer takes 500 (posting/
 * ledger-event-consumers.ts); more here only shortens the set-up, the rows are the same.
 */
const LIVE_EVENTS_PER_TRANSACTION = 5_000;

async function main(): Promise<void> {
  useLocalInfrastructureByDefault();
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  const databases: TestDatabase[] = [];
  try {
    const stores = {} as Record<HistoryService, TestDatabase>;
    for (const service of HISTORY_SERVICES) {
      stores[service] = await createTestDatabase(`bench_audit_${service}`, STORE_SCHEMA);
      databases.push(stores[service]);
    }
    const ledger = await createTestDatabase('bench_audit_ledger', LEDGER_MIGRATIONS);
    databases.push(ledger);
    report({
      bench: 'audit',
      events: EVENTS,
      koperasi: KOPERASI,
      loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
    });

    const urls = Object.fromEntries(
      HISTORY_SERVICES.map((service) => [service, stores[service].url]),
    ) as Record<HistoryService, string>;
    const generated = await generateHistory({
      stores: urls,
      events: EVENTS,
      koperasiCount: KOPERASI,
    });
    report({
      metric: 'generate',
      ...generated,
      seconds: round(generated.seconds),
      eventsPerSecond: Math.round(generated.events / generated.seconds),
    });
    const serviceStores: ServiceStore[] = HISTORY_SERVICES.map((service) => ({
      service,
      databaseUrl: urls[service],
      topic: '',
    }));

    // What migrating a store that already holds this history costs: the audit indexes built on it.
    const indexStartedMs = performance.now();
    await Promise.all(
      HISTORY_SERVICES.map((service) => runMigrations(urls[service], STORE_MIGRATIONS)),
    );
    report({
      metric: 'audit_indexes_built',
      seconds: round((performance.now() - indexStartedMs) / 1000),
    });

    const live = await buildLiveBooks(ledger, serviceStores);
    report({
      metric: 'live_projection',
      ...live,
      note: `the live ledger projection (projectEvents) booking the history, ${LIVE_EVENTS_PER_TRANSACTION} events per transaction`,
    });

    await timeQueries(urls, ledger.url);
    if (QUERIES_ONLY) return;

    const verified = await verifyStores({ stores: serviceStores, workers: WORKERS });
    report({
      metric: 'verify',
      ok: verified.ok,
      events: verified.events,
      seconds: round(verified.chainSeconds),
      eventsPerSecond: verified.chainEventsPerSecond,
    });

    const replayed = await runReplay({
      source: 'stores',
      ledgerDatabaseUrl: ledger.url,
      stores: serviceStores,
    });
    report({
      metric: 'replay_stores',
      identical: replayed.identical,
      events: replayed.events,
      entries: replayed.entries,
      lines: replayed.lines,
      rebuildSeconds: round(replayed.rebuildSeconds),
      eventsPerSecond: replayed.eventsPerSecond,
      compareSeconds: round(replayed.compareSeconds),
      endToEndEventsPerSecond: Math.round(
        replayed.events / (replayed.rebuildSeconds + replayed.compareSeconds),
      ),
    });

    if (WITH_KAFKA) {
      const kafka = createKafka('bench-audit', kafkaBrokersFromEnv());
      const [members, billpay, loans] = await createTestTopics(
        kafka,
        'bench-members',
        'bench-billpay',
        'bench-loans',
      );
      const topics = { members, billpay, loans };
      const publishStartedMs = performance.now();
      await publishHistory(kafka, urls, topics);
      report({ metric: 'publish', seconds: round((performance.now() - publishStartedMs) / 1000) });
      const withTopics = serviceStores.map((store) => ({ ...store, topic: topics[store.service] }));
      const checked = await verifyStores({ stores: withTopics, kafka, workers: WORKERS });
      const messages = (checked.kafka ?? []).reduce((sum, check) => sum + check.messages, 0);
      report({
        metric: 'verify_kafka',
        ok: checked.ok,
        messages,
        seconds: round(checked.kafkaSeconds ?? 0),
        messagesPerSecond: Math.round(messages / (checked.kafkaSeconds ?? 1)),
      });
      const fromKafka = await runReplay({
        source: 'kafka',
        ledgerDatabaseUrl: ledger.url,
        stores: withTopics,
        kafka,
      });
      report({
        metric: 'replay_kafka',
        identical: fromKafka.identical,
        events: fromKafka.events,
        rebuildSeconds: round(fromKafka.rebuildSeconds),
        eventsPerSecond: fromKafka.eventsPerSecond,
        compareSeconds: round(fromKafka.compareSeconds),
      });
    }
  } finally {
    if (KEEP) report({ kept: databases.map((database) => database.name) });
    else for (const database of databases) await database.drop();
  }
}

/**
 * The auditor's queries on the whole history. ANALYZE first: a bulk load outruns autovacuum, and a live store
 * that grew to this size would have had its statistics taken long since.
 */
async function timeQueries(urls: Record<HistoryService, string>, ledgerUrl: string): Promise<void> {
  const stores = Object.fromEntries(
    HISTORY_SERVICES.map((service) => [
      service,
      createPgPool({ databaseUrl: urls[service], maxConnections: 2 }),
    ]),
  ) as Record<HistoryService, pg.Pool>;
  const ledger = createPgPool({ databaseUrl: ledgerUrl, maxConnections: 2 });
  try {
    await Promise.all([...Object.values(stores), ledger].map((pool) => pool.query('ANALYZE')));
    report({
      metric: 'audit_queries',
      loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
      note: 'billpay store (the largest) and the ledger, the functions the endpoints call, no HTTP',
    });
    for (const timing of await timeAuditQueries(stores, ledger, QUERY_RUNS))
      report({ metric: 'audit_query', ...timing });
    report({
      metric: 'audit_queries_done',
      loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
    });
  } finally {
    await Promise.all([...Object.values(stores), ledger].map((pool) => pool.end()));
  }
}

/** The live books, as the ledger's consumers would have posted them: projectEvents in transactions. */
async function buildLiveBooks(
  ledger: TestDatabase,
  stores: ServiceStore[],
): Promise<{ events: number; seconds: number; eventsPerSecond: number }> {
  const client = new pg.Client({ connectionString: ledger.url });
  await client.connect();
  const startedMs = performance.now();
  let events = 0;
  try {
    const post = async (service: HistoryService, batch: EventEnvelope[]) => {
      for (let start = 0; start < batch.length; start += LIVE_EVENTS_PER_TRANSACTION) {
        await client.query('BEGIN');
        await projectEvents(
          service,
          batch.slice(start, start + LIVE_EVENTS_PER_TRANSACTION),
          client,
        );
        await client.query('COMMIT');
      }
      events += batch.length;
    };
    await readStoreHistory(
      stores,
      {
        asOf: null,
        upcasters: new UpcasterRegistry(),
        pageSize: 10_000,
        onTotal: () => undefined,
        onMalformed: () => undefined,
      },
      post,
    );
  } finally {
    await client.end();
  }
  const seconds = (performance.now() - startedMs) / 1000;
  return { events, seconds: round(seconds), eventsPerSecond: Math.round(events / seconds) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
