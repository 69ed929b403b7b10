import http from 'node:http';
import https from 'node:https';

export interface HttpAnswer {
  status: number;
  text: string;
}

/** No request to the aggregator answered within its time. */
export class HttpTimeoutError extends Error {
  override readonly name = 'HttpTimeoutError';

  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/** An aggregator answer is a few hundred bytes; a statement of a busy day a few megabytes at most. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * A JSON POST over node's HTTP client and a keep-alive agent. Global fetch (undici with a web stream and an
 * AbortSignal per call) showed up in billpay's CPU profile at every aggregator call; this is the plain path.
 */
export function postJson(agent: http.Agent, url: URL, body: string, timeoutMs: number): Promise<HttpAnswer> {
  const payload = Buffer.from(body);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { accept: 'application/json', 'content-type': 'application/json', 'content-length': String(payload.length) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_ANSWER_BYTES) request.destroy(new Error(`answer over ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    const timer = setTimeout(() => request.destroy(new HttpTimeoutError(timeoutMs)), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(payload);
  });
}
