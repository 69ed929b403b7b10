import type { KoperasiView } from '@koperasi/contracts';
import type { KoperasiSettings } from '../domain/index.js';

export interface KoperasiRow {
  id: string;
  code: string;
  name: string;
  kelurahan: string;
  kecamatan: string;
  kota_kabupaten: string;
  provinsi: string;
  /** bigint columns arrive as text. */
  simpanan_pokok_rp: string;
  simpanan_wajib_monthly_rp: string;
  created_at: Date;
}

export const KOPERASI_COLUMNS = `id, code, name, kelurahan, kecamatan, kota_kabupaten, provinsi, simpanan_pokok_rp,
  simpanan_wajib_monthly_rp, created_at`;

export function settingsOf(row: KoperasiRow): KoperasiSettings {
  return {
    koperasiId: row.id,
    code: row.code,
    name: row.name,
    kelurahan: row.kelurahan,
    kecamatan: row.kecamatan,
    kotaKabupaten: row.kota_kabupaten,
    provinsi: row.provinsi,
    simpananPokokRp: rupiahOf(row.simpanan_pokok_rp),
    simpananWajibMonthlyRp: rupiahOf(row.simpanan_wajib_monthly_rp),
  };
}

export function koperasiViewOf(row: KoperasiRow): KoperasiView {
  const { koperasiId, ...settings } = settingsOf(row);
  return { id: koperasiId, ...settings, createdAt: row.created_at.toISOString() };
}

/** A bigint rupiah column as a number, refused if it could not be represented exactly. */
export function rupiahOf(column: string | number): number {
  const value = Number(column);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`rupiah amount ${column} is not a safe integer`);
  return value;
}
