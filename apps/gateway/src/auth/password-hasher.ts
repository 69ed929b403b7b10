import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N=2^15, r=8, p=1 takes ~50-100 ms here, slow enough for a stolen table, fast enough for logins. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH_BYTES = 32;
const SALT_LENGTH_BYTES = 16;
// scrypt needs 128 * N * r bytes; Node's default maxmem (32 MiB) is exactly that and refuses it.
const MAX_MEMORY_BYTES = 64 * 1024 * 1024;
/**
 * Each hash holds 128·N·r = 32 MiB while it runs. A shift starting (200 tellers logging in) put four at once
 * on libuv's pool and lifted the gateway's resident memory from 173 to 297 MB; two keep both cores busy.
 */
const MAX_CONCURRENT_HASHES = 2;
let hashesRunning = 0;
const waitingForHash: (() => void)[] = [];

async function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  while (hashesRunning >= MAX_CONCURRENT_HASHES)
    await new Promise<void>((resolve) => waitingForHash.push(resolve));
  hashesRunning += 1;
  try {
    return await runScrypt(password, salt, options);
  } finally {
    hashesRunning -= 1;
    waitingForHash.shift()?.();
  }
}

function runScrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH_BYTES,
      { ...options, maxmem: MAX_MEMORY_BYTES },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH_BYTES);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, N, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of nothing anyone knows, checked for unknown usernames so they take as long as wrong passwords. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}
