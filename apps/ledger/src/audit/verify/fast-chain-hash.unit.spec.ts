import { canonicalJson, GENESIS_HASH, type HashedEventFields } from '@koperasi/contracts';
import { chainHash } from '@koperasi/eventstore';
import { canonical, fastChainHash } from './fast-chain-hash.js';

/** Values as JSON.parse gives them: nested objects and arrays, unicode, escapes, numbers of every kind. */
function randomJson(seed: { n: number }, depth = 0): unknown {
  const next = () => {
    seed.n = (seed.n * 1103515245 + 12345) % 2147483648;
    return seed.n / 2147483648;
  };
  const roll = next();
  if (depth > 3 || roll < 0.4) {
    const scalars = [
      0,
      -1,
      1.5,
      1e21,
      2 ** 53 - 1,
      -0.000001,
      true,
      false,
      null,
      '',
      'é ü 日本',
      'line\nbreak\t"quoted"\\',
      '\u0001\u001f',
      'Rp25.000',
      '😀',
    ];
    return scalars[Math.floor(next() * scalars.length)];
  }
  if (roll < 0.6)
    return Array.from({ length: Math.floor(next() * 4) }, () => randomJson(seed, depth + 1));
  const keys = ['amountRp', 'b', 'B', 'a', 'aa', 'é', '10', '9', 'memberId', 'z', '_', 'ä'];
  const object: Record<string, unknown> = {};
  for (let count = Math.floor(next() * 6); count > 0; count--)
    object[keys[Math.floor(next() * keys.length)]] = randomJson(seed, depth + 1);
  return object;
}

describe('fastChainHash', () => {
  it('given 2,000 random JSON values, then canonical writes exactly what canonicalJson writes', () => {
    const seed = { n: 42 };
    for (let index = 0; index < 2000; index++) {
      const value = JSON.parse(JSON.stringify(randomJson(seed)));
      expect(canonical(value)).toBe(canonicalJson(value));
    }
  });

  it('given events as the store keeps them, then the hash is the event store chainHash, null and missing causation alike', () => {
    const seed = { n: 7 };
    for (let index = 0; index < 500; index++) {
      const event = {
        eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        type: 'SimpananSukarelaDeposited',
        schemaVersion: 1,
        streamId: `member-${index}`,
        streamVersion: index + 1,
        koperasiId: 'kop-1',
        occurredAt: new Date(1_760_000_000_000 + index).toISOString(),
        actor: 'teller-1',
        correlationId: `corr-${index}`,
        causationId: index % 3 === 0 ? null : index % 3 === 1 ? undefined : `cmd-${index}`,
        data: JSON.parse(JSON.stringify(randomJson(seed) ?? null)),
      };
      const prevHash = index % 2 === 0 ? GENESIS_HASH : 'ab'.repeat(32);
      // chainHash's type says null, but an envelope read back without the field passes undefined.
      expect(fastChainHash(prevHash, event)).toBe(chainHash(prevHash, event as HashedEventFields));
    }
  });
});
