import { connect, createServer, type Server, type Socket } from 'node:net';
import { testKafkaBrokers, waitFor } from '@koperasi/testing';
import { SuiteHarness, type ServiceName } from '../support/suite-harness.js';

/** Past kafkajs's own connection retries (about 30 s), after which a service used to exit. */
const BROKER_DOWN_MS = 40_000;
const STARTED_BEFORE_BROKER: ServiceName[] = ['members', 'ledger', 'gateway'];

/** The longest "failing for N ms" a service logged while it waited for the broker. */
function longestWaitMs(log: string): number {
  return Math.max(
    0,
    ...[...log.matchAll(/failing for (\d+) ms/g)].map((match) => Number(match[1])),
  );
}

/** A port with nothing on it (the broker "down") that a forwarder to the real broker takes later. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The broker "coming up" on that port: every connection forwarded to the run's real broker. */
class BrokerForwarder {
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  constructor(broker: string) {
    const [host, port] = broker.split(':');
    this.server = createServer((incoming) => {
      const outgoing = connect(Number(port), host);
      for (const socket of [incoming, outgoing]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      incoming.pipe(outgoing).pipe(incoming);
    });
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  close(): void {
    this.server.close();
    this.sockets.forEach((socket) => socket.destroy());
  }
}

describe('a service started while the Kafka broker is down', () => {
  const suite = new SuiteHarness();
  const broker = new BrokerForwarder(testKafkaBrokers()[0]);

  afterAll(async () => {
    await suite.stopAll();
    broker.close();
  }, 60_000);

  it('given members, the ledger and the gateway started with no broker at their address, when it comes up after 40 s, then they stayed up not ready and become ready', async () => {
    await suite.createTopics();
    const port = await freePort();
    for (const service of STARTED_BEFORE_BROKER)
      suite.launch(service, { KAFKA_BROKERS: `127.0.0.1:${port}` });

    await waitFor(
      `each to have waited ${BROKER_DOWN_MS} ms for the broker, saying so in its log`,
      async () => {
        for (const service of STARTED_BEFORE_BROKER)
          if (!suite.isRunning(service))
            throw new Error(`${service} exited:\n${suite.logTail(service)}`);
        return STARTED_BEFORE_BROKER.every(
          (service) => longestWaitMs(suite.logTail(service, 20_000)) >= BROKER_DOWN_MS,
        );
      },
      3 * BROKER_DOWN_MS,
    );
    for (const service of STARTED_BEFORE_BROKER) expect(await suite.readiness(service)).toBe(503);

    await broker.listen(port);
    for (const service of STARTED_BEFORE_BROKER) await suite.waitUntilReady(service);
    for (const service of STARTED_BEFORE_BROKER) expect(suite.isRunning(service)).toBe(true);
  }, 300_000);
});
