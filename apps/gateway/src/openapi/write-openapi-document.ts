import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { AppModule } from '../app.module.js';
import type { CommandSender } from '../commands/command-sender.js';
import { readGatewayConfig } from '../config/gateway-config.js';
import { createGatewayApp, createOpenApiDocument } from '../configure-app.js';

/**
 * Writes the gateway's OpenAPI document without starting anything: the counter app's API types are generated
 * from it at build time (npm run web:api-types), and CI fails when the checked-in types have drifted.
 */
const refusingSender: CommandSender = {
  send: () => Promise.reject(new Error('the OpenAPI writer sends no commands')),
  isReady: () => false,
};

async function main(outputPath: string): Promise<void> {
  // Nothing is signed or called: throwaway secrets satisfy the configuration check.
  const secret = randomBytes(32).toString('hex');
  const config = readGatewayConfig({
    NODE_ENV: 'test',
    JWT_SECRET: secret,
    INTERNAL_API_TOKEN: secret,
    ADMIN_PASSWORD: secret,
  });
  // A pool connects on its first query; the writer makes none.
  const pool = new pg.Pool({ connectionString: config.databaseUrl });
  const app = await createGatewayApp(
    AppModule.register({ config, pool, ownsPool: true, commandSender: refusingSender }),
    false,
  );
  writeFileSync(outputPath, `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

const outputPath = process.argv[2];
if (!outputPath) {
  process.stderr.write('usage: write-openapi-document <output.json>\n');
  process.exit(2);
}
main(outputPath).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
