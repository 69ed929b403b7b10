import { BlockList, isIP } from 'node:net';

/** The most X-Forwarded-For hops looked at: a longer chain is a forgery or a loop, and stops the walk. */
const MAX_FORWARDED_HOPS = 16;

/** The proxies whose X-Forwarded-For the gateway believes (TRUSTED_PROXIES), as a set to test addresses against. */
export class TrustedProxies {
  private readonly blocks = new BlockList();
  readonly empty: boolean;

  /** Entries are addresses or CIDR blocks, IPv4 or IPv6; a malformed one refuses the start (a typo must not trust everyone or no one silently). */
  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address, prefixText] = entry.split('/');
      const family = isIP(address);
      const maxPrefix = family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
      if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix) {
        throw new Error(`TRUSTED_PROXIES: ${entry} is not an IPv4 or IPv6 address or CIDR block`);
      }
      this.blocks.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
    }
    this.empty = entries.length === 0;
  }

  has(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.blocks.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/**
 * The client's address: the peer itself unless the peer is a trusted proxy; then X-Forwarded-For read from the
 * right (the hop our proxy added) past every trusted proxy, so a client cannot choose its address by sending
 * the header itself. An IPv4 caller is shown without its IPv6-mapped prefix.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let address = plain(peer ?? 'unknown');
  if (trusted.empty || !trusted.has(address)) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((hop) => plain(hop.trim()))
    .filter((hop) => hop !== '');
  for (const hop of hops.slice(-MAX_FORWARDED_HOPS).reverse()) {
    // Anything that is not an address ends the walk at the last hop we could trust to have written it.
    if (isIP(hop) === 0) return address;
    address = hop;
    if (!trusted.has(hop)) return hop;
  }
  return address;
}

function plain(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/** The parts of an HTTP request the client's address is read from. */
export interface PeerRequest {
  socket: { remoteAddress?: string };
  headers: Record<string, string | string[] | undefined>;
}

/** The client address of a request, as the login throttle and the sign-in log record it. */
export function clientAddressOf(request: PeerRequest, trusted: TrustedProxies): string {
  return clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted);
}
