import 'reflect-metadata';
import {
  INTERNAL_HTTP_HOST,
  JsonLogger,
  PORT_PATTERN,
  readEnvConfig,
  secretEnv,
} from '@koperasi/platform';
import { parseWibWindow } from './aggregator/aggregator-faults.js';
import { createPartnerSimApp } from './create-partner-sim-app.js';

async function main(): Promise<void> {
  const env = readEnvConfig({
    PARTNER_SIM_HTTP_PORT: {
      default: '3005',
      pattern: PORT_PATTERN,
      description: 'HTTP port of partner-sim',
    },
    INTERNAL_HTTP_HOST,
    AGGREGATOR_USERNAME: {
      default: 'kkmp-dev',
      description: 'the agent username the aggregator expects',
    },
    AGGREGATOR_API_KEY: secretEnv('key of the request signatures (HMAC-SHA256)'),
    AGGREGATOR_CALLBACK_SECRET: secretEnv('key of the callback signatures (HMAC-SHA1)'),
    AGGREGATOR_CALLBACK_URL: {
      default: 'http://127.0.0.1:3000/api/v1/billpay/callbacks/digiflazz',
      pattern: /^https?:\/\/\S+$/,
      description: 'where pending outcomes are POSTed',
    },
    BANK_API_KEY: secretEnv('the Bearer token the bank expects'),
    AGGREGATOR_PLN_CUTOFF_WIB: {
      default: '23:00-01:00',
      pattern: /^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/,
      description: 'PLN cut-off window in WIB, HH:MM-HH:MM, or off',
    },
  });
  const logger = new JsonLogger('partner-sim');
  const app = await createPartnerSimApp(
    {
      aggregatorUsername: env.AGGREGATOR_USERNAME,
      aggregatorApiKey: env.AGGREGATOR_API_KEY,
      aggregatorCallbackSecret: env.AGGREGATOR_CALLBACK_SECRET,
      aggregatorCallbackUrl: env.AGGREGATOR_CALLBACK_URL,
      bankApiKey: env.BANK_API_KEY,
      plnCutOffWib: parseWibWindow(env.AGGREGATOR_PLN_CUTOFF_WIB),
    },
    logger,
  );
  const port = Number(env.PARTNER_SIM_HTTP_PORT);
  await app.listen(port, env.INTERNAL_HTTP_HOST);
  logger.pino.info({ port }, 'partner-sim ready');
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({
      level: 50,
      service: 'partner-sim',
      msg: 'partner-sim failed to start',
      error: String(error),
    }),
  );
  process.exit(1);
});
