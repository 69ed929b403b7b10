import http from 'node:http';
import https from 'node:https';

export interface HttpAnswer {
  status: number;
  text: string;
}

export interface JsonAnswer {
  status: number;
  /** The parsed body; undefined when it was empty or not JSON. */
  body: unknown;
}

/** No answer came within the request's time. */
export class HttpTimeoutError extends Error {
  override readonly name = 'HttpTimeoutError';

  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/** A partner's or a service's answer is small; a busy day's aggregator statement a few megabytes at most. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

export interface HttpRequestOptions {
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: Buffer | string;
  timeoutMs: number;
}

/**
 * One request over node's own HTTP client with a keep-alive agent. Measured in billpay, loans and the gateway,
 * global fetch (undici, a web stream and an AbortSignal per call) cost more CPU per call than the service's own
 * database work, on paths every payment and collection takes.
 */
export function httpRequest(
  agent: http.Agent,
  url: URL,
  options: HttpRequestOptions,
): Promise<HttpAnswer> {
  const payload = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  const transport = url.protocol === 'https:' ? https : http;
  const headers = payload
    ? { ...options.headers, 'content-length': String(payload.length) }
    : options.headers;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method: options.method, agent, headers },
      (response) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_ANSWER_BYTES)
            request.destroy(new Error(`answer over ${MAX_ANSWER_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    const timer = setTimeout(
      () => request.destroy(new HttpTimeoutError(options.timeoutMs)),
      options.timeoutMs,
    );
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(payload);
  });
}

/** A JSON request and its parsed answer. */
export async function requestJson(
  agent: http.Agent,
  url: URL,
  options: {
    method: 'GET' | 'POST' | 'PUT';
    headers: Record<string, string>;
    body?: unknown;
    timeoutMs: number;
  },
): Promise<JsonAnswer> {
  const answer = await httpRequest(agent, url, {
    method: options.method,
    headers: {
      accept: 'application/json',
      ...options.headers,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    timeoutMs: options.timeoutMs,
  });
  let body: unknown;
  try {
    body = answer.text === '' ? undefined : JSON.parse(answer.text);
  } catch {
    body = undefined;
  }
  return { status: answer.status, body };
}

/** A JSON POST of an already serialized body (signed requests sign these exact bytes). */
export function postJson(
  agent: http.Agent,
  url: URL,
  body: string,
  timeoutMs: number,
): Promise<HttpAnswer> {
  return httpRequest(agent, url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body,
    timeoutMs,
  });
}
