/** Buku at a WIB date and time, optionally with one account's entries open. */
export function booksHref(day: string, time: string, account?: string): string {
  const query = new URLSearchParams({ day, time });
  if (account) query.set('account', account);
  return `/audit/buku?${query}`;
}
