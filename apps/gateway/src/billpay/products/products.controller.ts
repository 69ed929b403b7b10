import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { BillpayQueries } from '../../queries/billpay-queries.js';
import { ProductResponse, presentProduct } from '../billpay.responses.js';

@ApiTags('billpay')
@ApiBearerAuth()
@Controller('billpay/products')
@Roles('supervisor', 'teller', 'auditor')
export class BillpayProductsController {
  constructor(private readonly billpay: BillpayQueries) {}

  @Get()
  @ApiOperation({
    summary:
      "The koperasi's PPOB products (its own catalog, or the platform default) with admin fees and number formats",
  })
  @ApiOkResponse({ type: [ProductResponse] })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<ProductResponse[]> {
    return (await this.billpay.products(koperasiOf(user))).map(presentProduct);
  }
}
