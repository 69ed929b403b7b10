import http from 'node:http';
import https from 'node:https';

export interface JsonAnswer {
  status: number;
  /** The parsed body; undefined when it was empty or not JSON. */
  body: unknown;
}

export class HttpTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'HttpTimeoutError';
  }
}

/** Bodies this large are no answer a partner gives; reading stops there. */
const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

/**
 * One JSON request over node's own HTTP client with a keep-alive agent. Measured in this suite, global fetch
 * (undici, web streams, an AbortSignal per call) cost the loans process more CPU than its database work.
 */
export function requestJson(
  agent: http.Agent,
  url: URL,
  options: { method: 'GET' | 'POST' | 'PUT'; headers: Record<string, string>; body?: unknown; timeoutMs: number },
): Promise<JsonAnswer> {
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: options.method,
        agent,
        headers: {
          accept: 'application/json',
          ...options.headers,
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) request.destroy(new Error(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    const timer = setTimeout(() => request.destroy(new HttpTimeoutError(options.timeoutMs)), options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(payload);
  });
}
