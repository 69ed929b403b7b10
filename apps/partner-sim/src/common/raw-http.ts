import type { IncomingMessage, ServerResponse } from 'node:http';

/** Express's request as far as the simulator needs it (express ships no types in this repo). */
export type SimRequest = IncomingMessage & { body?: unknown };

export function sendJson(response: ServerResponse, statusCode: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  const payload = JSON.stringify(body);
  response.writeHead(statusCode, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  response.end(payload);
}

/** The answer is lost on the way: the client sees its connection reset, never a status line. */
export function dropConnection(response: ServerResponse): void {
  response.socket?.destroy();
}
