import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, type ValidationArguments } from 'class-validator';
import { PersonName } from '../../http/person-name.decorator.js';

/** The domain checks the NIK fully (birth date, region); here only its shape, with a plain word on old 15-digit NIKs. */
function nikShapeMessage({ value }: ValidationArguments): string {
  if (typeof value !== 'string') return 'nik must be a string of 16 digits';
  if (/^\d{15}$/.test(value)) {
    return 'nik has 15 digits: old 15-digit NIKs are not accepted, use the 16-digit NIK on the current KTP or Kartu Keluarga';
  }
  if (/^\d+$/.test(value)) return `nik must have exactly 16 digits, got ${value.length}`;
  return 'nik must contain exactly 16 digits and nothing else';
}

export class RegisterMemberRequest {
  @ApiProperty({ example: '3374011501900001', description: 'NIK from the KTP: exactly 16 digits' })
  @Matches(/^\d{16}$/, { message: nikShapeMessage })
  nik!: string;

  @PersonName('Siti Rahayu', 200)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Semarang' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  birthPlace?: string;

  @ApiProperty({ example: 'Jl. Gedawang Raya 12 RT 02/RW 03' })
  @IsString()
  @Length(5, 500)
  address!: string;

  @ApiProperty({
    example: 'Gedawang',
    description: "must be the koperasi's kelurahan (422 otherwise)",
  })
  @IsString()
  @Length(2, 100)
  kelurahan!: string;

  @ApiPropertyOptional({ example: '+6281234567890' })
  @IsOptional()
  @Matches(/^\+?\d{8,15}$/, { message: 'phone must be 8-15 digits, optionally starting with +' })
  phone?: string;
}
