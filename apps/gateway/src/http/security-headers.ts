import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: Error) => void,
) => void;

/**
 * The counter app is Vite-built: scripts and stylesheets are files of its own origin, nothing inline, so the
 * policy allows nothing else. Pages of inline markup (the printable receipts) send their own policy with the
 * hashes of exactly their inline parts (receipt-page-policy.ts).
 */
const STRICT_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'none'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
};

const headersOf = (directives: Record<string, string[]>) =>
  helmet({
    // useDefaults off: helmet's defaults add upgrade-insecure-requests, which breaks a koperasi office LAN on plain http.
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
  }) as Middleware;

const appHeaders = headersOf(STRICT_DIRECTIVES);
// Swagger UI's page carries inline <style> blocks and style attributes of its own; its scripts are files.
const docsHeaders = headersOf({ ...STRICT_DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] });

const API_PATH = /^\/api\//;
const DOCS_PATH = /^\/docs(\/|-json|-yaml|$)/;

/**
 * Headers on every gateway answer, as an onRequest hook: helmet's set (no X-Powered-By, nosniff, frames
 * denied, the CSP above), and `Cache-Control: no-store` on the API, whose answers carry members' personal data
 * and balances. Set on the Node response, so the streamed exports (written to it directly) carry them too; a
 * route's own header still wins. The app's hashed assets keep their own long caching (counter-web.ts).
 */
export function securityHeaders(
  request: { url: string; raw: IncomingMessage },
  reply: { raw: ServerResponse },
  done: (error?: Error) => void,
): void {
  if (API_PATH.test(request.url)) reply.raw.setHeader('Cache-Control', 'no-store');
  (DOCS_PATH.test(request.url) ? docsHeaders : appHeaders)(request.raw, reply.raw, done);
}
