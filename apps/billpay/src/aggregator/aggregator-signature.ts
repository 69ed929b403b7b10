import { createHmac, timingSafeEqual } from 'node:crypto';

/** The request signature the aggregator checks: hex(HMAC-SHA256(apiKey, username + ref_id)). */
export function requestSignature(apiKey: string, username: string, refId: string): string {
  return createHmac('sha256', apiKey)
    .update(username + refId)
    .digest('hex');
}

/**
 * Whether `header` is `sha1=<hex HMAC-SHA1(secret, rawBody)>` for exactly these bytes. Compared in constant
 * time so the answer's timing says nothing about how much of a forged signature was right.
 */
export function isCallbackSignatureValid(
  secret: string,
  rawBody: Buffer,
  header: unknown,
): boolean {
  if (typeof header !== 'string') return false;
  const match = /^sha1=([0-9a-f]{40})$/i.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha1', secret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
