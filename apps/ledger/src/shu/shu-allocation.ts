/** One use of the SHU the AD/ART names besides the three every koperasi has (dana pengurus, dana sosial...). */
export interface OtherAllocation {
  name: string;
  percent: number;
}

/** How a koperasi's AD/ART divides the year's SHU; the percentages add up to exactly 100. */
export interface ShuAllocation {
  cadanganPercent: number;
  jasaModalPercent: number;
  jasaUsahaPercent: number;
  others: OtherAllocation[];
}

export const MAX_OTHER_ALLOCATIONS = 8;
const MAX_NAME_LENGTH = 60;
export const BASIS_POINTS_PER_WHOLE = 10_000;

export type ParsedShuAllocation =
  { ok: true; allocation: ShuAllocation } | { ok: false; problems: string[] };

/** Checks an allocation as a supervisor sends it; each problem is said in words that name the field. */
export function parseShuAllocation(input: unknown): ParsedShuAllocation {
  const problems: string[] = [];
  const body = (input ?? {}) as Record<string, unknown>;
  const percent = (field: string, value: unknown): number => {
    if (typeof value !== 'number' || basisPointsOf(value) === null) {
      problems.push(`${field} harus persen 0 sampai 100 dengan paling banyak dua angka desimal`);
      return 0;
    }
    return value;
  };
  const cadanganPercent = percent('cadanganPercent', body.cadanganPercent);
  const jasaModalPercent = percent('jasaModalPercent', body.jasaModalPercent);
  const jasaUsahaPercent = percent('jasaUsahaPercent', body.jasaUsahaPercent);
  const others: OtherAllocation[] = [];
  if (body.others !== undefined && !Array.isArray(body.others))
    problems.push('others harus daftar {name, percent}');
  const given = Array.isArray(body.others) ? body.others : [];
  if (given.length > MAX_OTHER_ALLOCATIONS)
    problems.push(`others paling banyak ${MAX_OTHER_ALLOCATIONS} pos`);
  for (const [index, other] of given.slice(0, MAX_OTHER_ALLOCATIONS).entries()) {
    const { name, percent: value } = (other ?? {}) as Record<string, unknown>;
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH)
      problems.push(`others[${index}].name harus diisi, paling panjang ${MAX_NAME_LENGTH} huruf`);
    others.push({ name: trimmed, percent: percent(`others[${index}].percent`, value) });
  }
  const names = others.map((other) => other.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push('others: nama pos tidak boleh sama');
  if (problems.length === 0) {
    const totalBp = [
      cadanganPercent,
      jasaModalPercent,
      jasaUsahaPercent,
      ...others.map((other) => other.percent),
    ].reduce((sum, value) => sum + basisPointsOf(value)!, 0);
    if (totalBp !== BASIS_POINTS_PER_WHOLE)
      problems.push(`jumlah persentase harus tepat 100, bukan ${totalBp / 100}`);
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, allocation: { cadanganPercent, jasaModalPercent, jasaUsahaPercent, others } };
}

/** 12.5 -> 1250; null for a percentage outside 0..100 or with more than two decimals (refused, never rounded). */
export function basisPointsOf(percent: number): number | null {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return null;
  const points = Math.round(percent * 100);
  return Math.abs(points - percent * 100) > 1e-6 ? null : points;
}
