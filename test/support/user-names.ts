/** Staff need a display name (receipts print it); tests derive a valid one from the username: teller.gedawang → Teller Gedawang. */
export function fullNameOf(username: string): string {
  const words = username
    .split(/[^a-z]+/i)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1));
  const name = words.join(' ');
  return name.length >= 2 ? name.slice(0, 100) : 'Petugas Koperasi';
}
