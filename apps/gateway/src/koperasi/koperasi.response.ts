import { ApiProperty } from '@nestjs/swagger';
import type { KoperasiView } from '@koperasi/contracts';

export class KoperasiResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GDW' }) code!: string;
  @ApiProperty({ example: 'KKMP Gedawang' }) name!: string;
  @ApiProperty({ example: 'Gedawang' }) kelurahan!: string;
  @ApiProperty({ example: 'Banyumanik' }) kecamatan!: string;
  @ApiProperty({ example: 'Kota Semarang' }) kotaKabupaten!: string;
  @ApiProperty({ example: 'Jawa Tengah' }) provinsi!: string;
  @ApiProperty({ type: 'integer', example: 25000, description: 'rupiah' })
  simpananPokokAmount!: number;
  @ApiProperty({ type: 'integer', example: 15000, description: 'rupiah per month' })
  simpananWajibMonthlyAmount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export function presentKoperasi(view: KoperasiView): KoperasiResponse {
  return {
    id: view.id,
    code: view.code,
    name: view.name,
    kelurahan: view.kelurahan,
    kecamatan: view.kecamatan,
    kotaKabupaten: view.kotaKabupaten,
    provinsi: view.provinsi,
    simpananPokokAmount: view.simpananPokokRp,
    simpananWajibMonthlyAmount: view.simpananWajibMonthlyRp,
    createdAt: view.createdAt,
  };
}
