import { Controller, Get, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { CollectionNotice, RemittanceRequest } from '@koperasi/contracts';
import { dropConnection, sendJson, type SimRequest } from '../common/raw-http.js';
import { SimTimers } from '../common/sim-timers.js';
import { PARTNER_SIM_OPTIONS, type PartnerSimOptions } from '../partner-sim-options.js';
import { BankSimulator, MAX_BATCH_ITEMS, type BankAnswer } from './bank-simulator.js';

const REFERENCE = /^[\x21-\x7e]{1,100}$/;

/** The bank's collection-agent protocol (`BankPaths`). */
@Controller('bank/v1')
export class BankController {
  constructor(
    private readonly bank: BankSimulator,
    private readonly timers: SimTimers,
    @Inject(PARTNER_SIM_OPTIONS) private readonly options: PartnerSimOptions,
  ) {}

  @Get('loans/:loanNo')
  async loan(
    @Req() request: SimRequest & { params: { loanNo: string } },
    @Res() response: ServerResponse,
  ): Promise<void> {
    const loanNo = request.params.loanNo;
    await this.answer(request, response, loanNo, () => this.bank.lookup(loanNo, Date.now()));
  }

  @Post('collections')
  async collections(@Req() request: SimRequest, @Res() response: ServerResponse): Promise<void> {
    const body = (request.body ?? {}) as Partial<CollectionNotice>;
    const loanNo = typeof body.loan_no === 'string' ? body.loan_no : null;
    await this.answer(request, response, loanNo, (agentId) => {
      const problems = noticeProblems(body);
      if (problems.length > 0) return badBody('The collection notice is malformed', problems);
      return this.bank.collect(body as CollectionNotice, agentId);
    });
  }

  @Post('remittances')
  async remittances(@Req() request: SimRequest, @Res() response: ServerResponse): Promise<void> {
    const body = (request.body ?? {}) as Partial<RemittanceRequest>;
    await this.answer(request, response, null, (agentId) => {
      const problems = remittanceProblems(body);
      if (problems.length > 0) return badBody('The remittance request is malformed', problems);
      return this.bank.remit(body as RemittanceRequest, agentId);
    });
  }

  @Get('remittances/:batchRef')
  async remittance(
    @Req() request: SimRequest & { params: { batchRef: string } },
    @Res() response: ServerResponse,
  ): Promise<void> {
    await this.answer(request, response, null, () =>
      this.bank.remittanceStatus(request.params.batchRef),
    );
  }

  /**
   * Down: 503 at once. Timeout: hang, then lose the connection, nothing done. Otherwise the request is done
   * when it arrives and answered after the latency, unless the answer is dropped.
   */
  private async answer(
    request: SimRequest,
    response: ServerResponse,
    loanNo: string | null,
    work: (agentId: string) => BankAnswer,
  ): Promise<void> {
    const fault = this.bank.faultFor(loanNo);
    if (fault === 'DOWN') {
      return sendJson(
        response,
        HttpStatus.SERVICE_UNAVAILABLE,
        errorBody(
          HttpStatus.SERVICE_UNAVAILABLE,
          'BANK_UNAVAILABLE',
          'The bank is unavailable; try again later',
        ),
      );
    }
    if (request.headers.authorization !== `Bearer ${this.options.bankApiKey}`) {
      return sendJson(
        response,
        HttpStatus.UNAUTHORIZED,
        errorBody(
          HttpStatus.UNAUTHORIZED,
          'UNAUTHORIZED',
          'Authorization: Bearer <bank api key> is missing or wrong',
        ),
      );
    }
    const agentId = request.headers['x-agent-id'];
    if (typeof agentId !== 'string' || agentId.trim() === '') {
      return sendJson(
        response,
        HttpStatus.BAD_REQUEST,
        errorBody(HttpStatus.BAD_REQUEST, 'AGENT_ID_MISSING', 'The X-Agent-Id header is required'),
      );
    }
    if (fault === 'TIMEOUT') {
      await this.timers.sleep(this.bank.faults.hangMs);
      return dropConnection(response);
    }
    const answer = work(agentId);
    await this.timers.sleep(this.bank.latencyFor(loanNo));
    if (fault === 'DROP') return dropConnection(response);
    sendJson(response, answer.status, answer.body);
  }
}

function errorBody(
  statusCode: number,
  code: string,
  message: string,
  details: unknown = null,
): unknown {
  return { statusCode, error: code, code, message, details };
}

function badBody(message: string, problems: { field: string; problem: string }[]): BankAnswer {
  return {
    status: HttpStatus.BAD_REQUEST,
    body: errorBody(
      HttpStatus.BAD_REQUEST,
      'BAD_REQUEST',
      `${message}: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`,
      problems,
    ),
  };
}

function isPositiveRupiah(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function noticeProblems(body: Partial<CollectionNotice>): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  if (typeof body.reference !== 'string' || !REFERENCE.test(body.reference))
    problems.push({ field: 'reference', problem: 'must be 1 to 100 printable characters' });
  if (typeof body.loan_no !== 'string' || body.loan_no === '')
    problems.push({ field: 'loan_no', problem: 'is required' });
  if (!isPositiveRupiah(body.amount_rp))
    problems.push({ field: 'amount_rp', problem: 'must be whole rupiah above 0' });
  if (typeof body.collected_at !== 'string' || Number.isNaN(Date.parse(body.collected_at)))
    problems.push({ field: 'collected_at', problem: 'must be an ISO timestamp' });
  return problems;
}

function remittanceProblems(
  body: Partial<RemittanceRequest>,
): { field: string; problem: string }[] {
  const problems: { field: string; problem: string }[] = [];
  if (typeof body.batch_ref !== 'string' || !REFERENCE.test(body.batch_ref))
    problems.push({ field: 'batch_ref', problem: 'must be 1 to 100 printable characters' });
  if (!Number.isSafeInteger(body.total_rp) || (body.total_rp as number) < 0)
    problems.push({ field: 'total_rp', problem: 'must be whole rupiah, 0 or more' });
  if (
    !Array.isArray(body.items) ||
    body.items.length === 0 ||
    body.items.length > MAX_BATCH_ITEMS
  ) {
    problems.push({ field: 'items', problem: `must be a list of 1 to ${MAX_BATCH_ITEMS} items` });
    return problems;
  }
  const bad = body.items.findIndex(
    (item: unknown) =>
      typeof item !== 'object' ||
      item === null ||
      typeof (item as { reference?: unknown }).reference !== 'string' ||
      !isPositiveRupiah((item as { amount_rp?: unknown }).amount_rp),
  );
  if (bad >= 0)
    problems.push({
      field: `items[${bad}]`,
      problem: 'must be {reference: string, amount_rp: whole rupiah above 0}',
    });
  return problems;
}
