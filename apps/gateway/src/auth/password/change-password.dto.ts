import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordRequest {
  @ApiProperty({ description: 'the password used to sign in now' })
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @Length(10, 200, { message: 'newPassword must be 10 to 200 characters' })
  newPassword!: string;
}
