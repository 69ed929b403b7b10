import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { RupiahAmount } from '../../http/rupiah-amount.decorator.js';

export class RegisterKoperasiRequest {
  @ApiProperty({
    example: 'GDW',
    description: 'short code, unique on the platform: 2-20 capital letters, digits or dashes',
  })
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'code must be 2-20 capital letters, digits or dashes' })
  code!: string;

  @ApiProperty({ example: 'KKMP Gedawang' })
  @IsString()
  @Length(3, 200)
  name!: string;

  @ApiProperty({ example: 'Gedawang' })
  @IsString()
  @Length(2, 100)
  kelurahan!: string;

  @ApiProperty({ example: 'Banyumanik' })
  @IsString()
  @Length(2, 100)
  kecamatan!: string;

  @ApiProperty({ example: 'Kota Semarang' })
  @IsString()
  @Length(2, 100)
  kotaKabupaten!: string;

  @ApiProperty({ example: 'Jawa Tengah' })
  @IsString()
  @Length(2, 100)
  provinsi!: string;

  @RupiahAmount('simpanan pokok every member pays once, in rupiah')
  simpananPokokAmount!: number;

  @RupiahAmount('simpanan wajib per month, in rupiah')
  simpananWajibMonthlyAmount!: number;
}
