import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class PayBackRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "the teller whose drawer pays the cash out; the supervisor's own drawer when left out",
  })
  @IsOptional()
  @IsUUID('all', { message: 'tellerId must be a user id' })
  tellerId?: string;
}
