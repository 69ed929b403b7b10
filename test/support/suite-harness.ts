import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { databaseUrlFor, dropDatabase } from '@koperasi/database';
import { createKafka } from '@koperasi/messaging';
import { testDatabaseUrl, testKafkaBrokers, waitFor } from '@koperasi/testing';

export type ServiceName = 'members' | 'billpay' | 'loans' | 'ledger' | 'partner-sim' | 'gateway';

/** Started in this order: partners and owners of data first, the gateway that fronts them last. */
export const ALL_SERVICES: readonly ServiceName[] = [
  'partner-sim',
  'members',
  'billpay',
  'loans',
  'ledger',
  'gateway',
];

const PORT_SLOTS = 400;
/** Port blocks taken by harnesses of this process: two suites side by side must not answer each other's probes. */
const takenPortBases = new Set<number>();

function portsOfNewRun(): Record<ServiceName, number> {
  let base: number;
  do base = 13_000 + Math.floor(Math.random() * PORT_SLOTS) * 10;
  while (takenPortBases.has(base));
  takenPortBases.add(base);
  return {
    gateway: base,
    members: base + 1,
    billpay: base + 2,
    loans: base + 3,
    ledger: base + 4,
    'partner-sim': base + 5,
  };
}
/** Inside a run's block of ten ports, after the six of the first instances. */
const SECOND_INSTANCE_PORT_OFFSETS = { members: 6, billpay: 7, loans: 8, ledger: 9 } as const;
/** Services with a database of their own. */
type ServiceWithDatabase = Exclude<ServiceName, 'partner-sim'>;
/** Random per test process, like every secret of a run: no password or key of a test is written in the code. */
const AUDIT_CLI = 'dist/apps/ledger/src/audit-cli.js';
/** A partner-sim admin GET or PUT that met a network failure is asked again, 500 ms apart. */
const PARTNER_SIM_ATTEMPTS = 4;

export interface AuditCliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const DEMO_PASSWORD = `e2e-${randomBytes(12).toString('hex')}`;

/** The secrets every service reads (the names deploy/suite-secrets.sh makes for npm start). */
export interface SuiteSecrets {
  JWT_SECRET: string;
  INTERNAL_API_TOKEN: string;
  AGGREGATOR_API_KEY: string;
  AGGREGATOR_CALLBACK_SECRET: string;
  BANK_API_KEY: string;
  DEMO_PASSWORD: string;
}

export function randomSuiteSecrets(): SuiteSecrets {
  const secret = () => randomBytes(32).toString('hex');
  return {
    JWT_SECRET: secret(),
    INTERNAL_API_TOKEN: secret(),
    AGGREGATOR_API_KEY: secret(),
    AGGREGATOR_CALLBACK_SECRET: secret(),
    BANK_API_KEY: secret(),
    DEMO_PASSWORD,
  };
}

export interface SuiteHarnessOptions {
  /** Random ones by default; a test of npm start's own passes those deploy/suite-secrets.sh made. */
  secrets?: SuiteSecrets;
  /** More variables for every service, e.g. short lockouts for the login throttling test. */
  environment?: Record<string, string>;
}
const PROVISION_ATTEMPTS = 5;

/**
 * Runs the built services as real processes against fresh databases of their own, real Kafka and real
 * PostgreSQL, the way `npm start` does. `kill` is SIGKILL: no shutdown hook runs.
 */
export class SuiteHarness {
  private readonly processes = new Map<ServiceName, ChildProcess>();
  private readonly databases: Record<ServiceWithDatabase, string>;
  private readonly logs = new Map<ServiceName, string[]>();
  /** Topics and consumer groups of this run only (KAFKA_NAMESPACE): other runs on the same broker never see them. */
  readonly kafkaNamespace: string;
  private readonly ports = portsOfNewRun();
  private topicsCreated = false;
  readonly secrets: SuiteSecrets;
  private readonly extraEnvironment: Record<string, string>;

  constructor(options: SuiteHarnessOptions = {}) {
    this.secrets = options.secrets ?? randomSuiteSecrets();
    this.extraEnvironment = options.environment ?? {};
    const suffix = randomUUID().replaceAll('-', '').slice(0, 10);
    this.kafkaNamespace = `e2e-${suffix}`;
    this.databases = {
      gateway: `e2e_gateway_${suffix}`,
      members: `e2e_members_${suffix}`,
      billpay: `e2e_billpay_${suffix}`,
      loans: `e2e_loans_${suffix}`,
      ledger: `e2e_ledger_${suffix}`,
    };
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}/api/v1`;
  }

  /** partner-sim's own URL: its admin endpoint sets faults and shows the request log. */
  get partnerSimUrl(): string {
    return `http://127.0.0.1:${this.ports['partner-sim']}`;
  }

  /** The auditors' CLI (`npm run audit`) as a process on this run's databases, quiet, its output collected. */
  runAuditCli(...args: string[]): Promise<AuditCliRun> {
    if (!existsSync(AUDIT_CLI))
      throw new Error(`${AUDIT_CLI} is missing: run \`npm run build\` before the end-to-end tests`);
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [AUDIT_CLI, ...args, '--quiet'], {
        env: {
          ...process.env,
          LEDGER_DATABASE_URL: this.databaseUrl('ledger'),
          MEMBERS_DATABASE_URL: this.databaseUrl('members'),
          BILLPAY_DATABASE_URL: this.databaseUrl('billpay'),
          LOANS_DATABASE_URL: this.databaseUrl('loans'),
          // verify compares the stores with this run's topics, not the plain ones of `npm start` on the same broker.
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          KAFKA_NAMESPACE: this.kafkaNamespace,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  /** partner-sim's admin API (faults, forced outcomes, the request log); a refusal fails the test. */
  async partnerSim<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const request = () =>
      fetch(`${this.partnerSimUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // A knob is set, not added to, so a GET or PUT is safe to ask again. A chaos run's busy partner-sim has
    // dropped a connection as a knob was set back ("fetch failed"), failing the run's fault, not the suite.
    let response: Response | null = null;
    for (let attempt = 1; response === null; attempt++) {
      response = await request().catch((error: unknown) => {
        if (attempt >= PARTNER_SIM_ATTEMPTS || !['GET', 'PUT'].includes(method)) throw error;
        return null;
      });
      if (response === null) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`partner-sim ${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** A service's own HTTP address (the internal API of members, billpay, loans and ledger). */
  serviceUrl(service: ServiceName): string {
    return `http://127.0.0.1:${this.ports[service]}`;
  }

  databaseUrl(service: ServiceWithDatabase): string {
    return databaseUrlFor(testDatabaseUrl(), this.databases[service]);
  }

  /** The run's own databases, to find their PostgreSQL backends. */
  get databaseNames(): string[] {
    return Object.values(this.databases);
  }

  /** The operating system's id of a running service's process. */
  pid(service: ServiceName): number | undefined {
    return this.processes.get(service)?.pid;
  }

  async startAll(services: readonly ServiceName[] = ALL_SERVICES): Promise<void> {
    for (const service of ALL_SERVICES) if (services.includes(service)) await this.start(service);
  }

  /** The run's own topics, made by the same provisioning `npm start` uses, in this run's namespace. */
  async createTopics(): Promise<void> {
    if (this.topicsCreated) return;
    // Idempotent: a try that met partitions without a leader yet (a busy broker) is simply made again.
    for (let attempt = 1; ; attempt++) {
      try {
        await promisify(execFile)(process.execPath, ['dist/deploy/provision/provision.js'], {
          env: this.environment(),
          timeout: 120_000,
        });
        break;
      } catch (error) {
        if (attempt >= PROVISION_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    this.topicsCreated = true;
  }

  async start(service: ServiceName): Promise<void> {
    await this.createTopics();
    this.launch(service);
    await this.waitUntilReady(service);
  }

  /**
   * Starts a service's process without waiting for it to be ready; `environment` overrides the run's (a broker
   * address that is not there yet). The run's topics must exist first (createTopics).
   */
  launch(service: ServiceName, environment: Record<string, string> = {}): void {
    const entry = `dist/apps/${service}/src/main.js`;
    if (!existsSync(entry))
      throw new Error(`${entry} is missing: run \`npm run build\` before the end-to-end tests`);
    // SUITE_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`: flags Node refuses in NODE_OPTIONS, for profiling a bench.
    const nodeArgs = (process.env.SUITE_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, entry], {
      env: { ...this.environment(), ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = this.logs.get(service) ?? [];
    this.logs.set(service, log);
    const keep = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (log.length > 200) log.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.processes.set(service, child);
  }

  async waitUntilReady(service: ServiceName, timeoutMs = 90_000): Promise<void> {
    try {
      await waitFor(`${service} to be ready`, async () => this.isReady(service), timeoutMs);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n--- ${service} log ---\n${this.logTail(service, 4000)}`,
      );
    }
  }

  /** A service's /health/ready status: 200 ready, 503 up but not ready, null when nothing answers. */
  async readiness(service: ServiceName): Promise<number | null> {
    const response = await fetch(`http://127.0.0.1:${this.ports[service]}/health/ready`).catch(
      () => null,
    );
    return response?.status ?? null;
  }

  /**
   * A second process of a service beside the running one (same databases and consumer groups, its own HTTP
   * port): Kafka rebalances the partitions between the two. SIGTERM or SIGKILL it through the returned child.
   */
  async startSecondInstance(
    service: Exclude<ServiceName, 'gateway' | 'partner-sim'>,
  ): Promise<ChildProcess> {
    const port = this.ports.gateway + SECOND_INSTANCE_PORT_OFFSETS[service];
    const portVariable = `${service.toUpperCase()}_HTTP_PORT`;
    const child = spawn(process.execPath, [`dist/apps/${service}/src/main.js`], {
      env: { ...this.environment(), [portVariable]: String(port) },
      stdio: 'ignore',
    });
    await waitFor(
      `a second ${service} to be ready`,
      async () => {
        if (child.exitCode !== null)
          throw new Error(`the second ${service} exited with ${child.exitCode}`);
        return (
          (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status === 200
        );
      },
      90_000,
    );
    return child;
  }

  /** False once the service's process ended, whether killed or by itself. */
  isRunning(service: ServiceName): boolean {
    const child = this.processes.get(service);
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** The last lines a service wrote: why it ended, when it did. */
  logTail(service: ServiceName, chars = 2_000): string {
    return (this.logs.get(service) ?? []).join('').slice(-chars);
  }

  kill(service: ServiceName): void {
    this.processes.get(service)?.kill('SIGKILL');
    this.processes.delete(service);
  }

  async stopAll(): Promise<void> {
    const exits = [...this.processes.values()].map(
      (child) =>
        new Promise<void>((resolve) =>
          child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
        ),
    );
    for (const child of this.processes.values()) child.kill('SIGTERM');
    await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    for (const child of this.processes.values()) if (child.exitCode === null) child.kill('SIGKILL');
    this.processes.clear();
    for (const database of Object.values(this.databases))
      await dropDatabase(testDatabaseUrl(), database);
    if (this.topicsCreated) await this.deleteKafkaNamespace();
  }

  /** A run leaves nothing on the broker: hundreds of partitions per run would otherwise pile up. */
  private async deleteKafkaNamespace(): Promise<void> {
    const admin = createKafka('e2e-cleanup', testKafkaBrokers()).admin();
    await admin.connect();
    try {
      const prefix = `${this.kafkaNamespace}.`;
      const groups = (await admin.listGroups()).groups
        .map((group) => group.groupId)
        .filter((id) => id.startsWith(prefix));
      if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
      if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    } finally {
      await admin.disconnect();
    }
    this.topicsCreated = false;
  }

  private async isReady(service: ServiceName): Promise<boolean> {
    const child = this.processes.get(service);
    if (!child || child.exitCode !== null)
      throw new Error(`${service} exited with ${child?.exitCode}`);
    return (await this.readiness(service)) === 200;
  }

  private environment(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_NAMESPACE: this.kafkaNamespace,
      KAFKA_TOPIC_PARTITIONS: '3',
      GATEWAY_HTTP_PORT: String(this.ports.gateway),
      MEMBERS_HTTP_PORT: String(this.ports.members),
      LEDGER_HTTP_PORT: String(this.ports.ledger),
      BILLPAY_HTTP_PORT: String(this.ports.billpay),
      LOANS_HTTP_PORT: String(this.ports.loans),
      PARTNER_SIM_HTTP_PORT: String(this.ports['partner-sim']),
      MEMBERS_INTERNAL_URL: `http://127.0.0.1:${this.ports.members}`,
      LEDGER_INTERNAL_URL: `http://127.0.0.1:${this.ports.ledger}`,
      BILLPAY_INTERNAL_URL: `http://127.0.0.1:${this.ports.billpay}`,
      LOANS_INTERNAL_URL: `http://127.0.0.1:${this.ports.loans}`,
      AGGREGATOR_URL: this.partnerSimUrl,
      BANK_URL: this.partnerSimUrl,
      AGGREGATOR_CALLBACK_URL: `http://127.0.0.1:${this.ports.gateway}/api/v1/billpay/callbacks/digiflazz`,
      GATEWAY_DATABASE_URL: this.databaseUrl('gateway'),
      MEMBERS_DATABASE_URL: this.databaseUrl('members'),
      BILLPAY_DATABASE_URL: this.databaseUrl('billpay'),
      LOANS_DATABASE_URL: this.databaseUrl('loans'),
      LEDGER_DATABASE_URL: this.databaseUrl('ledger'),
      ...this.secrets,
      ADMIN_PASSWORD: this.secrets.DEMO_PASSWORD,
      AGGREGATOR_USERNAME: 'kkmp-e2e',
      // Tests run at any hour; the one that checks the PLN cut-off sets the window through partner-sim's admin endpoint.
      AGGREGATOR_PLN_CUTOFF_WIB: 'off',
      ...this.extraEnvironment,
    };
  }
}
