import { createHash } from 'node:crypto';

/**
 * The commandId of a write, fixed by who asked and their Idempotency-Key: a retry after an unknown outcome
 * sends the same id, and the service answers its first reply instead of acting twice. Formatted as an RFC 4122
 * UUID (version 5 bits, like a name-based UUID) so services can store it as `uuid`.
 */
export function commandIdFor(koperasiScope: string, idempotencyKey: string): string {
  const bytes = createHash('sha256')
    .update(`${koperasiScope}:${idempotencyKey}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
