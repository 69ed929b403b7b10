import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CommandEnvelope, CommandReply } from '@koperasi/contracts';
import { createTestDatabase, type TestDatabase } from '@koperasi/testing';
import { AppModule } from '../src/app.module.js';
import type { AuthenticatedUser } from '../src/auth/authenticated-user.js';
import { SessionService } from '../src/auth/session/session.service.js';
import { UsersRepository } from '../src/auth/users.repository.js';
import type { CommandSender } from '../src/commands/command-sender.js';
import { readGatewayConfig, type GatewayConfig } from '../src/config/gateway-config.js';
import { createGatewayApp } from '../src/configure-app.js';
import { gatewayMigrations } from '../src/database/gateway-migrations.js';

export interface SentCommand {
  topic: string;
  key: string;
  envelope: CommandEnvelope<unknown>;
}

/** Stands in for Kafka: records what was sent and answers with `reply` after `delayMs`. */
export class StubCommandSender implements CommandSender {
  readonly sent: SentCommand[] = [];
  delayMs = 30;
  reply: (command: SentCommand) => CommandReply<unknown> | Promise<CommandReply<unknown>> = () => ({
    ok: true,
    result: {},
  });

  async send<TPayload, TResult>(
    topic: string,
    key: string,
    envelope: CommandEnvelope<TPayload>,
  ): Promise<CommandReply<TResult>> {
    const command = { topic, key, envelope: envelope as CommandEnvelope<unknown> };
    this.sent.push(command);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return (await this.reply(command)) as CommandReply<TResult>;
  }

  isReady(): boolean {
    return true;
  }
}

export interface GatewayTestApp {
  app: NestFastifyApplication;
  database: TestDatabase;
  sender: StubCommandSender;
  config: GatewayConfig;
  /** An access token of a new session of the user, who is added (with no usable password) unless it exists. */
  tokenFor(user: AuthenticatedUser): Promise<string>;
  close(): Promise<void>;
}

/** Secrets of one test run: random, so no test's secret is ever written in the code. */
export function randomGatewaySecrets(): Record<
  'JWT_SECRET' | 'INTERNAL_API_TOKEN' | 'ADMIN_PASSWORD',
  string
> {
  const secret = () => randomBytes(32).toString('hex');
  return { JWT_SECRET: secret(), INTERNAL_API_TOKEN: secret(), ADMIN_PASSWORD: secret() };
}

/** The real gateway over a fresh database, with only the outbound command sender stubbed. */
export async function startGatewayTestApp(
  overrides: Partial<GatewayConfig> = {},
): Promise<GatewayTestApp> {
  const database = await createTestDatabase('gateway', gatewayMigrations);
  const config = {
    ...readGatewayConfig({
      NODE_ENV: 'test',
      GATEWAY_DATABASE_URL: database.url,
      ...randomGatewaySecrets(),
    }),
    // Nothing listens here: a query that escapes the stubs fails fast.
    membersInternalUrl: 'http://127.0.0.1:9',
    ledgerInternalUrl: 'http://127.0.0.1:9',
    billpayInternalUrl: 'http://127.0.0.1:9',
    loansInternalUrl: 'http://127.0.0.1:9',
    ...overrides,
  };
  const sender = new StubCommandSender();
  const app = await createGatewayApp(
    AppModule.register({ config, pool: database.pool, ownsPool: false, commandSender: sender }),
    false,
  );
  await app.init();
  // Tests send through app.getHttpServer(), which Fastify answers on once its plugins are loaded.
  await app.getHttpAdapter().getInstance().ready();
  const sessions = app.get(SessionService);
  const users = app.get(UsersRepository);
  return {
    app,
    database,
    sender,
    config,
    async tokenFor(user) {
      if (!(await users.findById(user.id))) {
        await users.insert({
          ...user,
          fullName: user.username,
          passwordHash: 'no-password',
          kotaKabupaten: user.kotaKabupaten ?? null,
        });
      }
      return (await sessions.start(user, '127.0.0.1')).accessToken;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
