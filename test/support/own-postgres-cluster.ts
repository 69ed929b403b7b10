import { execFile } from 'node:child_process';
import { chownSync, mkdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const COMMAND_TIMEOUT_MS = 120_000;

/**
 * A PostgreSQL cluster of a run's own (initdb into a git-ignored folder, its own port, trust auth for
 * `postgres`): the restart fault stops and starts it, which would break everyone else on the machine's shared
 * server. initdb refuses root, so as root the cluster belongs to the `postgres` OS user.
 */
export class OwnPostgresCluster {
  readonly port: number;
  private readonly dataDir: string;
  private readonly asRoot = userInfo().uid === 0;

  constructor(runId: string) {
    this.port = 15_500 + Math.floor(Math.random() * 400);
    this.dataDir = `${process.cwd()}/.run/chaos/pg-${runId}`;
  }

  /** The URL a test puts in DATABASE_URL: every database of the run is made on this cluster. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async create(): Promise<void> {
    mkdirSync(this.dataDir, { recursive: true });
    if (this.asRoot)
      chownSync(
        this.dataDir,
        Number(await this.postgresId('-u')),
        Number(await this.postgresId('-g')),
      );
    await this.run('initdb', [
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
      '--encoding=UTF8',
      '--locale=C',
    ]);
    await this.start();
  }

  async start(): Promise<void> {
    // fsync off: a cluster for one run that nobody keeps, on a machine others share the disk of.
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      options,
      '-l',
      `${this.dataDir}/server.log`,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** Fast shutdown (open transactions rolled back, sessions ended), then start: what an operator's restart does. */
  async restart(): Promise<void> {
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
    await this.start();
  }

  async stop(): Promise<void> {
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  /** Stops it and removes its files. */
  async destroy(): Promise<void> {
    await this.run('pg_ctl', [
      '-D',
      this.dataDir,
      '-m',
      'immediate',
      '-w',
      '-t',
      '60',
      'stop',
    ]).catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async run(binary: string, args: string[]): Promise<void> {
    const [file, fileArgs] = this.asRoot
      ? ['runuser', ['-u', 'postgres', '--', `${PG_BIN}/${binary}`, ...args]]
      : [`${PG_BIN}/${binary}`, args];
    await promisify(execFile)(file, fileArgs, { timeout: COMMAND_TIMEOUT_MS });
  }

  private async postgresId(flag: '-u' | '-g'): Promise<string> {
    const { stdout } = await promisify(execFile)('id', [flag, 'postgres']);
    return stdout.trim();
  }
}
