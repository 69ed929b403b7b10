import http from 'node:http';

export interface HttpAnswer {
  status: number;
  text: string;
}

export class HttpTimeoutError extends Error {
  override readonly name = 'HttpTimeoutError';

  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * One request to billpay's internal API over node's HTTP client with a keep-alive agent: every payment makes
 * one of these, and global fetch (undici, a web stream and an AbortSignal per call) cost more CPU per call.
 */
export function billpayRequest(
  agent: http.Agent,
  url: URL,
  options: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: Buffer; timeoutMs: number },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers = options.body ? { ...options.headers, 'content-length': String(options.body.length) } : options.headers;
    const request = http.request(url, { method: options.method, agent, headers }, (response) => {
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
    });
    const timer = setTimeout(() => request.destroy(new HttpTimeoutError(options.timeoutMs)), options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(options.body);
  });
}
