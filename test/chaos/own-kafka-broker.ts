import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';

/**
 * A Kafka broker of the chaos run's own (deploy/kafka-local/start.sh on other ports, its own data dir): the
 * broker fault SIGKILLs it, which would break every other run on the machine's shared broker.
 */
export class OwnKafkaBroker {
  readonly port: number;
  private readonly dataDir: string;

  constructor(runId: string) {
    this.port = 19_100 + Math.floor(Math.random() * 80) * 10;
    this.dataDir = `${process.cwd()}/.run/chaos/kafka-${runId}`;
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Starts it, or starts it again on its data after a kill: the topics and committed offsets survive. */
  async start(): Promise<void> {
    await promisify(execFile)('bash', ['deploy/kafka-local/start.sh'], {
      env: {
        ...process.env,
        KAFKA_DATA_DIR: this.dataDir,
        KAFKA_PORT: String(this.port),
        KAFKA_CONTROLLER_PORT: String(this.port + 1),
        KAFKA_HEAP: '512m',
        KAFKA_START_TIMEOUT_S: '240',
      },
      timeout: 300_000,
    });
  }

  kill(): void {
    const pid = this.pid();
    if (pid) process.kill(pid, 'SIGKILL');
  }

  async stop(): Promise<void> {
    const pid = this.pid();
    if (pid) {
      try {
        process.kill(pid, 'SIGTERM');
        for (let waitedMs = 0; waitedMs < 20_000 && isAlive(pid); waitedMs += 500)
          await new Promise((resolve) => setTimeout(resolve, 500));
        if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private pid(): number | null {
    try {
      return Number(readFileSync(`${this.dataDir}/kafka.pid`, 'utf8').trim()) || null;
    } catch {
      return null;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
