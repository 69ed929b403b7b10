import { NestFactory } from '@nestjs/core';
import type { LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { keepConnectionsLongerThanClients } from '@koperasi/platform';
import { PartnerSimModule } from './partner-sim.module.js';
import type { PartnerSimOptions } from './partner-sim-options.js';

/** A whole day's remittance batch (tens of thousands of items) must fit in one request. */
const BODY_LIMIT = '64mb';

/** What main and the tests both build: the module with a body limit large enough for remittance batches. */
export async function createPartnerSimApp(
  options: PartnerSimOptions,
  logger: LoggerService | false,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(PartnerSimModule.forRoot(options), {
    logger,
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.enableShutdownHooks();
  keepConnectionsLongerThanClients(app.getHttpServer());
  return app;
}
