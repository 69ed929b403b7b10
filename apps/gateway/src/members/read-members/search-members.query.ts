import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class SearchMembersQuery {
  @ApiPropertyOptional({ example: '3374011501900001', description: 'exact NIK' })
  @IsOptional()
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik?: string;

  @ApiPropertyOptional({
    example: 'siti',
    description: 'part of the name, case-insensitive; at most 50 members come back',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
