/** One koperasi as the members context needs it; savings amounts are decided by each koperasi's members. */
export interface KoperasiSettings {
  koperasiId: string;
  code: string;
  name: string;
  kelurahan: string;
  kecamatan: string;
  kotaKabupaten: string;
  provinsi: string;
  simpananPokokRp: number;
  simpananWajibMonthlyRp: number;
}
