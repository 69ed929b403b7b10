import http, { type Server } from 'node:http';
import https from 'node:https';

/**
 * An idle keep-alive connection must be closed by its client, never by the server: a server closing it while
 * the client sends on it fails that request (ECONNRESET, answered 503 "did not answer"; seen in CI on the
 * gateway's reads from billpay). Node's server closes after 5 s and node's Agent keeps a socket forever, so
 * every server of ours waits longer than any client of ours.
 */
const SERVER_KEEP_ALIVE_TIMEOUT_MS = 65_000;
const CLIENT_IDLE_TIMEOUT_MS = 30_000;

/** Holds idle connections a minute, longer than our agents (30 s), undici's fetch (4 s) and browsers. */
export function keepConnectionsLongerThanClients(server: Server): void {
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS + 1_000;
}

/** A keep-alive agent for `baseUrl`'s protocol that closes a connection idle for 30 s before the server would. */
export function keepAliveAgent(baseUrl: string, maxSockets: number): http.Agent {
  // `timeout` only ends a socket while it waits in the free list; a request's own timer bounds it in use.
  const options = { keepAlive: true, maxSockets, timeout: CLIENT_IDLE_TIMEOUT_MS };
  return baseUrl.startsWith('https:') ? new https.Agent(options) : new http.Agent(options);
}
