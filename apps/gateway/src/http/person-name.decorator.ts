import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { KTP_NAME } from '@koperasi/domain';

/** A person's name as on the KTP (members, staff): it is printed on receipts and read aloud at the counter. */
export function PersonName(example: string, maxLength: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      example,
      minLength: 2,
      maxLength,
      description: `as on the KTP: 2-${maxLength} characters, letters, spaces and . , ' - only, starting with a letter (trimmed)`,
    }),
    Transform(({ value }) =>
      typeof value === 'string' ? value.trim().replace(/ +/g, ' ') : value,
    ),
    IsString({ message: '$property must be the name written out, e.g. Siti Rahmawati' }),
    Length(2, maxLength, { message: `$property must be 2 to ${maxLength} characters` }),
    Matches(KTP_NAME, {
      message:
        "$property may hold only letters, spaces and . , ' - (as on the KTP) and must start with a letter",
    }),
  );
}
