/** What a KTP prints in a name: letters of any script, spaces and . , ' - (no digits, symbols or emoji), starting with a letter. */
export const KTP_NAME = /^\p{L}[\p{L} .,'-]*$/u;

export function isKtpName(text: string): boolean {
  return KTP_NAME.test(text);
}
