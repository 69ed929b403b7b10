import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sign` of an aggregator request: hex HMAC-SHA256(apiKey, username + ref_id); ref_id is '' for balance and statement. */
export function aggregatorSign(apiKey: string, username: string, refId: string): string {
  return createHmac('sha256', apiKey)
    .update(username + refId)
    .digest('hex');
}

/** The `X-Hub-Signature` value of a callback body: `sha1=` + hex HMAC-SHA1(callbackSecret, raw body). */
export function callbackSignature(callbackSecret: string, rawBody: string): string {
  return `sha1=${createHmac('sha1', callbackSecret).update(rawBody).digest('hex')}`;
}

export function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
