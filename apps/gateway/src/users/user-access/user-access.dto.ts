import { ApiProperty } from '@nestjs/swagger';

export class UserAccessResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ description: 'false: the user cannot sign in and has no live session' })
  active!: boolean;
}
