/** One stream per koperasi: its closings are decided one after another, in month order. */
export function periodClosingStreamId(koperasiId: string): string {
  return `period-closing-${koperasiId}`;
}
