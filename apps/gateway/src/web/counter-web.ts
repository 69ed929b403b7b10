import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `npm run build` puts the counter app (apps/counter-web, built by Vite). */
const DEFAULT_COUNTER_WEB_DIR = 'dist/counter-web';
const HASHED_ASSET = /[\\/]assets[\\/]/;
/** The API, its documents and the probes: their controllers answer, or the API's 404, never the app's page. */
const NOT_THE_APP = /^\/(api\/|docs|health\/|metrics(\/|\?|$))/;

/**
 * Serves the counter app at `/` with a history fallback to index.html (a reload on /anggota/… opens the app
 * there). Absent when the app has not been built (the gateway's own HTTP tests).
 */
export async function serveCounterWeb(app: NestFastifyApplication): Promise<void> {
  const rootPath = resolve(process.env.COUNTER_WEB_DIR ?? DEFAULT_COUNTER_WEB_DIR);
  if (!existsSync(resolve(rootPath, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: rootPath,
    // One route per built file; anything else falls to the route below.
    wildcard: false,
    // Vite's gzip twins (see apps/counter-web/vite.config.ts): a third of the bytes on a village connection.
    preCompressed: true,
    setHeaders: (reply, path) => {
      // File names under assets/ change with their content; index.html must be asked for again every time.
      reply.header(
        'Cache-Control',
        HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) =>
      NOT_THE_APP.test(request.url) ? reply.callNotFound() : reply.sendFile('index.html'),
    );
}
