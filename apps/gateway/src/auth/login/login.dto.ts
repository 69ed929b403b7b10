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
  @ApiProperty({ enum: ['admin', 'supervisor', 'teller', 'auditor'] }) role!: UserRole;
  @ApiProperty({ type: String, nullable: true, description: 'null for the platform admin and city auditors' })
  koperasiId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "a city auditor's kota/kabupaten; null for everyone else" })
  kotaKabupaten!: string | null;
}

export class LoginResponse {
  @ApiProperty({ description: 'send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: LoginUser }) user!: LoginUser;
}
