import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsPositive, Max } from 'class-validator';

/** An amount of whole rupiah: a JSON integer above zero (no fractions, no strings), within exact float range. */
export function RupiahAmount(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      example: 25000,
      description,
    }),
    IsInt({ message: '$property must be a whole number of rupiah (no fractions, not a string)' }),
    IsPositive({ message: '$property must be more than 0 rupiah' }),
    Max(Number.MAX_SAFE_INTEGER, { message: '$property is too large' }),
  );
}
