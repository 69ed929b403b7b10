/** Addresses of the Riwayat screen, so every audit screen links to an event or a stream the same way. */
export function streamHref(streamId: string, version?: number): string {
  const query = new URLSearchParams({ stream: streamId });
  if (version !== undefined) query.set('version', String(version));
  return `/audit/riwayat?${query}`;
}

export function eventHref(eventId: string): string {
  return `/audit/riwayat?${new URLSearchParams({ event: eventId })}`;
}

export function entryHref(entryId: string): string {
  return `/audit/buku/entri/${encodeURIComponent(entryId)}`;
}
