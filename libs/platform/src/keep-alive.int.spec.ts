import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpRequest } from './http-request.js';
import { keepAliveAgent, keepConnectionsLongerThanClients } from './keep-alive.js';

/** Past node's own 5 s: a default server would have closed the connection by now. */
const IDLE_MS = 5_500;

describe('keep-alive connections between our services', () => {
  let server: http.Server;
  let url: URL;
  const agent = keepAliveAgent('http://127.0.0.1', 4);
  const sockets = new Set<unknown>();

  beforeAll(async () => {
    server = http.createServer((_request, response) => response.end('ok'));
    server.on('connection', (socket) => sockets.add(socket));
    keepConnectionsLongerThanClients(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });

  afterAll(async () => {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('given a connection idle longer than node closes one by default, when the client asks again, then it is answered on that same connection', async () => {
    const ask = () => httpRequest(agent, url, { method: 'GET', headers: {}, timeoutMs: 2_000 });
    expect((await ask()).text).toBe('ok');
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));

    expect((await ask()).text).toBe('ok');
    // One connection: the server did not close it under the client, so no request can race its closing.
    expect(sockets.size).toBe(1);
  }, 15_000);
});
