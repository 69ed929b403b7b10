import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../../auth/auth.decorators.js';
import type { AuthenticatedUser } from '../../auth/authenticated-user.js';
import { koperasiOf } from '../../auth/koperasi-of.js';
import { BillpayQueries } from '../../queries/billpay-queries.js';
import { InquiryResponse, presentInquiry } from '../billpay.responses.js';
import { InquiryRequest } from './inquiry.dto.js';

/** Looks a bill up before taking money; moves nothing, so it needs no Idempotency-Key. */
@ApiTags('billpay')
@ApiBearerAuth()
@Controller('billpay/inquiries')
export class BillpayInquiriesController {
  constructor(private readonly billpay: BillpayQueries) {}

  @Post()
  @Roles('supervisor', 'teller')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Inquiry: the customer, the bill (postpaid) or meter owner (PLN prepaid), and the total to take',
  })
  @ApiCreatedResponse({ type: InquiryResponse })
  @ApiBadRequestResponse({
    description:
      'INVALID_CUSTOMER_NO: the number does not follow the product rule (named in the message)',
  })
  @ApiNotFoundResponse({ description: "PRODUCT_NOT_FOUND: not in the koperasi's catalog" })
  @ApiUnprocessableEntityResponse({
    description:
      'CUSTOMER_NOT_FOUND, BILL_NOT_YET_AVAILABLE, BILL_ALREADY_PAID, BILL_EXPIRED, PLN_CUT_OFF (23:00-01:00 WIB)',
  })
  @ApiServiceUnavailableResponse({
    description: 'AGGREGATOR_UNAVAILABLE: the aggregator did not answer',
  })
  async inquire(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: InquiryRequest,
  ): Promise<InquiryResponse> {
    const inquiry = await this.billpay.inquire(koperasiOf(user), {
      productCode: body.productCode,
      customerNo: body.customerNo,
      tellerId: user.id,
    });
    return presentInquiry(inquiry);
  }
}
