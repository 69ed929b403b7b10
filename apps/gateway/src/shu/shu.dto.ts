import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CalendarDay } from '../http/calendar-day.decorator.js';

const PERCENT = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };

export class OtherAllocationRequest {
  @ApiProperty({ example: 'Dana pengurus' })
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(60, { message: 'name is at most 60 characters' })
  name!: string;

  @ApiProperty({ example: 10, description: 'percent, at most two decimals' })
  @IsNumber(PERCENT, { message: 'percent must be a number with at most two decimals' })
  percent!: number;
}

/** The SHU percentages of the koperasi's AD/ART; together exactly 100. */
export class ShuAllocationRequest {
  @ApiProperty({ example: 25, description: 'cadangan (reserve), percent' })
  @IsNumber(PERCENT, { message: 'cadanganPercent must be a number with at most two decimals' })
  cadanganPercent!: number;

  @ApiProperty({ example: 20, description: "jasa modal: shared by members' savings, percent" })
  @IsNumber(PERCENT, { message: 'jasaModalPercent must be a number with at most two decimals' })
  jasaModalPercent!: number;

  @ApiProperty({ example: 30, description: "jasa usaha: shared by members' transactions, percent" })
  @IsNumber(PERCENT, { message: 'jasaUsahaPercent must be a number with at most two decimals' })
  jasaUsahaPercent!: number;

  @ApiPropertyOptional({
    type: [OtherAllocationRequest],
    description:
      'the other uses the AD/ART names (dana pengurus, pendidikan, sosial...), at most 8',
  })
  @IsOptional()
  @IsArray({ message: 'others must be a list of {name, percent}' })
  @ArrayMaxSize(8, { message: 'others has at most 8 entries' })
  @ValidateNested({ each: true })
  @Type(() => OtherAllocationRequest)
  others?: OtherAllocationRequest[];
}

export class ShuExportQuery {
  @ApiProperty({ enum: ['csv', 'html'] })
  @IsIn(['csv', 'html'], { message: 'format must be csv or html' })
  format!: 'csv' | 'html';
}

/** The RAT's approval of the year's distribution, booked by a supervisor. */
export class BookShuDistributionRequest {
  @ApiProperty({ example: '2027-03-20', description: 'the day of the RAT that approved it' })
  @CalendarDay()
  ratDate!: string;
}
