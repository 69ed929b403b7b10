export function collectionStreamId(collectionId: string): string {
  return `collection-${collectionId}`;
}
