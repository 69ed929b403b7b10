import { clientAddress, TrustedProxies } from './client-address.js';

describe('the client address behind trusted proxies', () => {
  const none = new TrustedProxies([]);
  const proxies = new TrustedProxies(['10.0.0.0/8', '192.168.1.5', 'fd00::/8']);

  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('::ffff:203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9');
  });

  it('is the peer when the peer is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('203.0.113.9');
  });

  it('is the last hop before the trusted proxies, read from the right, so a forged left part is ignored', () => {
    expect(clientAddress('10.1.2.3', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:10.1.2.3', '6.6.6.6, 198.51.100.1, 192.168.1.5', proxies)).toBe(
      '198.51.100.1',
    );
    expect(clientAddress('fd12::1', ['6.6.6.6', '2001:db8::7'], proxies)).toBe('2001:db8::7');
  });

  it('stops at the last trusted hop when the header holds something that is not an address, or nothing', () => {
    expect(clientAddress('10.1.2.3', 'not-an-ip, 192.168.1.5', proxies)).toBe('192.168.1.5');
    expect(clientAddress('10.1.2.3', undefined, proxies)).toBe('10.1.2.3');
  });

  it('refuses a malformed TRUSTED_PROXIES entry at start', () => {
    expect(() => new TrustedProxies(['10.0.0.0/33'])).toThrow(/TRUSTED_PROXIES: 10.0.0.0\/33/);
    expect(() => new TrustedProxies(['ten'])).toThrow(/TRUSTED_PROXIES/);
  });
});
