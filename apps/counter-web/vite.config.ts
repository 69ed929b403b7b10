import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const appDir = fileURLToPath(new URL('.', import.meta.url));
const outDir = resolve(appDir, '../../dist/counter-web');
const GATEWAY_URL = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

/** Writes a .gz beside every text asset; the gateway serves it to browsers that accept gzip (preCompressed). */
function gzipTwins(): Plugin {
  return {
    name: 'gzip-twins',
    apply: 'build',
    closeBundle() {
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
      for (const file of files) {
        if (!COMPRESSIBLE.test(file)) continue;
        const path = join(outDir, file);
        writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: appDir,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // The domain rules the services check (NIK, periods) are the ones the app checks as the teller types, and the
  // receipt layout the gateway prints is the one the printer test prints.
  resolve: {
    alias: {
      '@koperasi/domain': resolve(appDir, '../../libs/domain/src/index.ts'),
      '@koperasi/receipt-layout': resolve(appDir, '../../libs/receipt-layout/src/index.ts'),
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2019',
    sourcemap: false,
    reportCompressedSize: false,
  },
  plugins: [gzipTwins()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': GATEWAY_URL },
  },
});
