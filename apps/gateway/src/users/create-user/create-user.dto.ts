import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PersonName } from '../../http/person-name.decorator.js';
import { STAFF_ROLES, type StaffRole } from '../../auth/authenticated-user.js';

export class CreateUserRequest {
  @ApiProperty({
    example: 'teller.gedawang',
    description: '3-64 lower-case letters, digits, dots, dashes or underscores',
  })
  @Matches(/^[a-z0-9._-]{3,64}$/, {
    message: 'username must be 3-64 lower-case letters, digits, dots, dashes or underscores',
  })
  username!: string;

  /** The name receipts print for this user. */
  @PersonName('Siti Rahmawati', 100)
  fullName!: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password!: string;

  @ApiProperty({
    enum: STAFF_ROLES,
    description: 'a supervisor may create only tellers, in its own koperasi',
  })
  @IsIn(STAFF_ROLES, { message: `role must be one of ${STAFF_ROLES.join(', ')}` })
  role!: StaffRole;

  @ApiPropertyOptional({
    description:
      'the koperasi the user works for (404 when it does not exist); required except for a city auditor. ' +
      'A supervisor may leave it out (its own koperasi) and may name no other (403).',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  koperasiId?: string;

  @ApiPropertyOptional({
    example: 'Kota Semarang',
    description:
      'only for a city auditor (role auditor, no koperasiId): it reads every koperasi whose kotaKabupaten is this; ' +
      '422 when no koperasi is registered there',
  })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  kotaKabupaten?: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ example: 'Siti Rahmawati', description: 'the name receipts print' })
  fullName!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ type: String, nullable: true, description: 'null for a city auditor' })
  koperasiId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "a city auditor's kota/kabupaten, else null",
  })
  kotaKabupaten!: string | null;
}
