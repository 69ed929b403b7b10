import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class UnlockLoginRequest {
  @ApiProperty({
    example: 'teller.gedawang',
    description: 'the username whose sign-in is locked out',
  })
  @IsString()
  @Length(1, 100)
  username!: string;
}

export class UnlockLoginResponse {
  @ApiProperty() username!: string;
  @ApiProperty({
    description:
      'whether a lockout was running (false: there was none; its failures are forgotten all the same)',
  })
  wasLocked!: boolean;
}
