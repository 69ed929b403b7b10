import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeService {
  url: string;
  /** Paths asked for, in order, with the token each carried. */
  requests: { path: string; token: string | undefined }[];
  close(): Promise<void>;
}

/** Answers internal GETs from `routes` (exact path → JSON body), 404 for the rest, 401 without the token. */
export async function startFakeService(
  token: string,
  routes: Record<string, unknown>,
): Promise<FakeService> {
  const requests: FakeService['requests'] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    const sent = request.headers['x-internal-token'];
    requests.push({ path, token: typeof sent === 'string' ? sent : undefined });
    const [status, body] =
      sent !== token
        ? [401, { message: 'no token' }]
        : path in routes
          ? [200, routes[path]]
          : [404, { message: 'Not found here' }];
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
