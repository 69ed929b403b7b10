import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { isUuid } from '@koperasi/service-kit';
import { CUSTOMER_NO_RULES, type Product } from '../domain/index.js';
import { InternalTokenGuard } from '../infrastructure/internal-token.guard.js';
import { CatalogRepository } from './catalog.repository.js';

export interface ProductView {
  code: string;
  name: string;
  kind: Product['kind'];
  biller: string;
  customerNoRule: string;
  customerNoFormat: string;
  denominationRp: number | null;
  adminFeeRp: number;
  /** Prepaid: what the customer pays (face value + admin fee); postpaid: the inquiry tells. */
  totalAmountRp: number | null;
}

@Controller('internal/koperasi/:koperasiId/products')
@UseGuards(InternalTokenGuard)
export class ProductsController {
  constructor(private readonly catalog: CatalogRepository) {}

  @Get()
  async list(@Param('koperasiId') koperasiId: string): Promise<ProductView[]> {
    if (!isUuid(koperasiId)) return [];
    return (await this.catalog.products(koperasiId)).map((product) => ({
      code: product.code,
      name: product.name,
      kind: product.kind,
      biller: product.biller,
      customerNoRule: product.customerNoRule,
      customerNoFormat: CUSTOMER_NO_RULES[product.customerNoRule].description,
      denominationRp: product.denominationRp,
      adminFeeRp: product.adminFeeRp,
      totalAmountRp:
        product.denominationRp === null ? null : product.denominationRp + product.adminFeeRp,
    }));
  }
}
