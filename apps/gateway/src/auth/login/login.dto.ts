import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { UserRole } from '@koperasi/contracts';

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
  @ApiProperty({ example: 'Siti Rahmawati', description: 'the name receipts print for this user' }) fullName!: string;
  @ApiProperty({ enum: ['admin', 'supervisor', 'teller', 'auditor'] }) role!: UserRole;
  @ApiProperty({ type: String, nullable: true, description: 'null for the platform admin and city auditors' })
  koperasiId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'KKMP Gedawang',
    description: "the koperasi's name; null without a koperasi, or when the koperasi registry did not answer in time",
  })
  koperasiName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "a city auditor's kota/kabupaten; null for everyone else" })
  kotaKabupaten!: string | null;
}

export class LoginResponse {
  @ApiProperty({ description: 'send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ type: 'integer', description: 'seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-22T04:15:00.000Z', description: 'when the token expires; sign in again before then' })
  expiresAt!: string;
  @ApiProperty({ type: LoginUser }) user!: LoginUser;
}
