import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { UserRole } from '@koperasi/contracts';
import { SessionTokens } from '../session/session.dto.js';

export class LoginRequest {
  @ApiProperty({ example: 'teller.gedawang' })
  @IsString()
  @Length(1, 100)
  username!: string;

  @ApiProperty({ example: 'koperasi-demo-2026' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class LoginUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ example: 'Siti Rahmawati', description: 'the name receipts print for this user' })
  fullName!: string;
  @ApiProperty({ enum: ['admin', 'supervisor', 'teller', 'auditor'] }) role!: UserRole;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null for the platform admin and city auditors',
  })
  koperasiId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'KKMP Gedawang',
    description:
      "the koperasi's name; null without a koperasi, or when the koperasi registry did not answer in time",
  })
  koperasiName!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "a city auditor's kota/kabupaten; null for everyone else",
  })
  kotaKabupaten!: string | null;
}

export class LoginResponse extends SessionTokens {
  @ApiProperty({ type: LoginUser }) user!: LoginUser;
}
