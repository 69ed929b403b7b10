import 'reflect-metadata';
import { prepareDatabase } from '@koperasi/database';
import { JsonLogger, keepConnectionsLongerThanClients } from '@koperasi/platform';
import { AppModule } from './app.module.js';
import { bootstrapAdmin } from './auth/admin-bootstrap.js';
import { UsersRepository } from './auth/users.repository.js';
import { readGatewayConfig } from './config/gateway-config.js';
import { createGatewayApp } from './configure-app.js';
import { gatewayMigrations } from './database/gateway-migrations.js';
import { createGatewayPool } from './database/pg-pool.js';

async function main(): Promise<void> {
  const logger = new JsonLogger('gateway');
  const config = readGatewayConfig();
  const applied = await prepareDatabase(config.databaseUrl, gatewayMigrations, (message) =>
    logger.pino.warn(message),
  );
  if (applied.length > 0) logger.pino.info({ migrations: applied }, 'migrations applied');

  const pool = createGatewayPool(config.databaseUrl);
  const app = await createGatewayApp(AppModule.register({ config, pool, ownsPool: true }), logger);
  app.enableShutdownHooks();
  if (await bootstrapAdmin(app.get(UsersRepository), config.adminPassword)) {
    logger.pino.info({ username: 'admin' }, 'bootstrap admin user created');
  }
  keepConnectionsLongerThanClients(app.getHttpServer());
  await app.listen(config.httpPort, '0.0.0.0');
  logger.pino.info({ port: config.httpPort }, 'gateway ready');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 50, service: 'gateway', msg: 'gateway failed to start', error: String(error) })}\n`,
  );
  process.exit(1);
});
