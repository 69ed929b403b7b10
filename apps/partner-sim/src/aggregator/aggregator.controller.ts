import { Controller, Post, Req, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { AggregatorRc, type InquiryResponse, type TransactionResponse } from '@koperasi/contracts';
import { badRequest } from '../common/bad-request.js';
import { dropConnection, sendJson, type SimRequest } from '../common/raw-http.js';
import { SimTimers } from '../common/sim-timers.js';
import { AggregatorSimulator } from './aggregator-simulator.js';

const REF_ID = /^[\x21-\x7e]{1,100}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The aggregator's protocol (`AggregatorPaths`). Each request is judged when it arrives; its answer leaves
 * after the configured latency, or never (a dropped response).
 */
@Controller('aggregator/v1')
export class AggregatorController {
  constructor(
    private readonly sim: AggregatorSimulator,
    private readonly timers: SimTimers,
  ) {}

  @Post('inquiry')
  async inquiry(@Req() request: SimRequest, @Res() response: ServerResponse): Promise<void> {
    const body = fieldsOf(request.body, [
      'username',
      'sign',
      'ref_id',
      'product_code',
      'customer_no',
    ]);
    const refId = checkRefId(body.ref_id);
    const latencyMs = this.sim.latencyFor(body.customer_no);
    let data: InquiryResponse['data'];
    if (!this.sim.isSigned(body.username, body.sign, refId)) {
      data = {
        ref_id: refId,
        product_code: body.product_code,
        customer_no: body.customer_no,
        ...badSignature(),
      };
    } else data = this.sim.inquire(refId, body.product_code, body.customer_no, Date.now());
    await this.timers.sleep(latencyMs);
    sendJson(response, 200, { data } satisfies InquiryResponse);
  }

  @Post('transaction')
  async transaction(@Req() request: SimRequest, @Res() response: ServerResponse): Promise<void> {
    const body = fieldsOf(request.body, [
      'username',
      'sign',
      'ref_id',
      'product_code',
      'customer_no',
    ]);
    const refId = checkRefId(body.ref_id);
    const latencyMs = this.sim.latencyFor(body.customer_no);
    if (!this.sim.isSigned(body.username, body.sign, refId)) {
      await this.timers.sleep(latencyMs);
      const data = {
        ref_id: refId,
        product_code: body.product_code,
        customer_no: body.customer_no,
        ...badSignature(),
        price_rp: 0,
        sn: '',
        balance_rp: 0,
      };
      return sendJson(response, 200, { data } satisfies TransactionResponse);
    }
    const outcome = this.sim.transact(
      refId,
      body.product_code,
      body.customer_no,
      Date.now(),
      latencyMs,
    );
    await this.timers.sleep(latencyMs);
    if (outcome.drop) return dropConnection(response);
    sendJson(response, 200, { data: outcome.result } satisfies TransactionResponse);
  }

  @Post('status')
  async status(@Req() request: SimRequest, @Res() response: ServerResponse): Promise<void> {
    const body = fieldsOf(request.body, ['username', 'sign', 'ref_id']);
    const refId = checkRefId(body.ref_id);
    const data = this.sim.isSigned(body.username, body.sign, refId)
      ? this.sim.status(refId, Date.now())
      : {
          ref_id: refId,
          product_code: '',
          customer_no: '',
          ...badSignature(),
          price_rp: 0,
          sn: '',
          balance_rp: 0,
        };
    // The plain latency: a customer's slow override is about its payment, and polling must still answer.
    await this.timers.sleep(this.sim.latencyFor(null));
    sendJson(response, 200, { data } satisfies TransactionResponse);
  }

  @Post('balance')
  async balance(@Req() request: SimRequest, @Res() response: ServerResponse): Promise<void> {
    const body = fieldsOf(request.body, ['username', 'sign']);
    const data = this.sim.isSigned(body.username, body.sign, '')
      ? { deposit_rp: this.sim.depositAccount.balance, rc: AggregatorRc.success, message: 'OK' }
      : badSignature();
    await this.timers.sleep(this.sim.latencyFor(null));
    sendJson(response, 200, { data });
  }

  @Post('statement')
  async statement(@Req() request: SimRequest, @Res() response: ServerResponse): Promise<void> {
    const body = fieldsOf(request.body, ['username', 'sign', 'date']);
    if (!DATE.test(body.date) || Number.isNaN(Date.parse(body.date)))
      throw badRequest(`date must be a WIB date YYYY-MM-DD; got ${body.date}`);
    const data = this.sim.isSigned(body.username, body.sign, '')
      ? { ...this.sim.depositAccount.statement(body.date), rc: AggregatorRc.success, message: 'OK' }
      : badSignature();
    await this.timers.sleep(this.sim.latencyFor(null));
    sendJson(response, 200, { data });
  }
}

function badSignature(): { status: 'Gagal'; rc: string; message: string } {
  return {
    status: 'Gagal',
    rc: AggregatorRc.invalidSignature,
    message: 'Unknown username or bad signature',
  };
}

/** The named string fields of a JSON body, or a 400 naming each one missing. */
function fieldsOf<K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  const object = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const missing = names.filter((name) => typeof object[name] !== 'string');
  if (missing.length > 0) {
    throw badRequest(
      `Missing or non-string field(s): ${missing.join(', ')}`,
      missing.map((field) => ({ field, problem: 'a string is required' })),
    );
  }
  return object as Record<K, string>;
}

function checkRefId(refId: string): string {
  if (!REF_ID.test(refId))
    throw badRequest('ref_id must be 1 to 100 printable characters without spaces', [
      { field: 'ref_id', problem: refId },
    ]);
  return refId;
}
