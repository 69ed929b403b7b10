export function memberStreamId(memberId: string): string {
  return `member-${memberId}`;
}
