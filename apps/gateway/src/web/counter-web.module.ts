import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

/** Where `npm run build` puts the counter app (apps/counter-web, built by Vite). */
const DEFAULT_COUNTER_WEB_DIR = 'dist/counter-web';
const HASHED_ASSET = /[\\/]assets[\\/]/;

export function counterWebDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.COUNTER_WEB_DIR ?? DEFAULT_COUNTER_WEB_DIR);
}

/**
 * Serves the counter app at `/` with a history fallback to index.html; the API, its documents and the probes
 * are left to their controllers. Absent when the app has not been built (the gateway's own HTTP tests).
 */
export function counterWebModules(rootPath: string = counterWebDir()): DynamicModule[] {
  if (!existsSync(resolve(rootPath, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath,
      exclude: ['/api/{*path}', '/docs{*path}', '/health/{*path}', '/metrics'],
      serveStaticOptions: {
        // Vite's gzip twins (see apps/counter-web/vite.config.ts): a third of the bytes on a village connection.
        preCompressed: true,
        setHeaders: (response: { setHeader(name: string, value: string): void }, path: string) =>
          // File names under assets/ change with their content; index.html must be asked for again every time.
          response.setHeader(
            'Cache-Control',
            HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
          ),
      },
    }),
  ];
}
