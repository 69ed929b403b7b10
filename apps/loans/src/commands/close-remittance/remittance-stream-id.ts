export function remittanceStreamId(remittanceId: string): string {
  return `remittance-${remittanceId}`;
}
