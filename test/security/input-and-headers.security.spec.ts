import { randomUUID } from 'node:crypto';
import { waitFor } from '@koperasi/testing';
import { ApiClient } from '../support/api-client.js';
import { DEMO_PASSWORD, SuiteHarness } from '../support/suite-harness.js';
import { fullNameOf } from '../support/user-names.js';

/** A Semarang NIK (33 74 01) of a man born 15-08-1990, serial `serial`. */
const nik = (serial: number) => `337401150890${String(serial).padStart(4, '0')}`;
const NUL = '\u0000';
const RLO = '\u202e';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

interface OpenApiParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: { type?: string; format?: string; enum?: unknown[] };
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<
      string,
      { properties?: Record<string, { type?: string; $ref?: string; items?: unknown }> }
    >;
  };
}

/** One bad request: a path with its ids filled, a query string, and a body as sent on the wire. */
interface BadRequest {
  label: string;
  path: string;
  query?: string;
  body?: string;
  contentType?: string;
  /** When it is a text field that carries the bad character, the field the 400 must name. */
  namesField?: string;
}

const BAD_PATH_IDS = [
  'a\u0000b',
  `${RLO}abc`,
  'x'.repeat(300),
  "1' OR '1'='1",
  '..%2F..%2Fetc%2Fpasswd',
  '00000000-0000-0000-0000-000000000000',
  '-1',
  '1e309',
];
const BAD_TEXT = [`a${NUL}b`, `${RLO}cba`, 'a\u0085b', 'x'.repeat(3000)];
const BAD_DATES = ['2026-02-30', '2026-13-01', '2026-02-29T25:00:00+07:00', '30-02-2026'];
const BAD_NUMBERS = ['-1', '1e309', '9'.repeat(40), '1.5', 'abc'];
const RAW_BAD_BODIES: { label: string; body: string; contentType?: string }[] = [
  { label: 'text/plain', body: 'amount=25000', contentType: 'text/plain' },
  { label: 'form', body: 'amount=25000', contentType: 'application/x-www-form-urlencoded' },
  { label: 'not JSON', body: '{"amount":' },
  { label: 'JSON null', body: 'null' },
  { label: 'JSON array', body: '[]' },
  { label: 'JSON string', body: '"x"' },
  { label: 'proto key', body: '{"__proto__":{"role":"admin"},"amount":25000}' },
  { label: 'constructor key', body: '{"constructor":{"prototype":{"role":"admin"}}}' },
  { label: 'duplicate key', body: '{"amount":-5,"amount":1000}' },
  { label: '2,000 deep', body: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}` },
  {
    label: 'not UTF-8',
    body: '{"amount":"\u00ff"}',
    contentType: 'application/json; charset=latin1',
  },
];
/**
 * Per property of a body schema, values no field of the API takes: the characters no field takes, negative, huge
 * and fractional numbers (every number is a count of rupiah or things), wrong types, and an overlong text. Zero
 * (a drawer counted empty) and null (left out) can be right, so they are not here.
 */
const BAD_PROPERTY_VALUES: unknown[] = [
  `a${NUL}b`,
  `${RLO}cba`,
  'a\u0007b',
  -5,
  1e308,
  2 ** 63,
  1.5,
  true,
  [],
  {},
  'x'.repeat(20_000),
];
const ROLES = ['teller', 'supervisor', 'auditor', 'admin'] as const;
type Role = (typeof ROLES)[number];

describe('security: bad input answers 4xx and changes nothing; headers; metrics; POST /users needs a key', () => {
  const suite = new SuiteHarness();
  const clients = {} as Record<Role, ApiClient>;
  const tokens = {} as Record<Role, string>;
  let rootUrl: string;
  let memberId: string;

  beforeAll(async () => {
    await suite.startAll();
    rootUrl = suite.gatewayUrl.replace(/\/api\/v1$/, '');
    const admin = await new ApiClient(suite.gatewayUrl).login('admin', DEMO_PASSWORD);
    const koperasi = await admin.post('/koperasi', {
      code: 'GDW',
      name: 'KKMP Gedawang',
      kelurahan: 'Gedawang',
      kecamatan: 'Banyumanik',
      kotaKabupaten: 'Kota Semarang',
      provinsi: 'Jawa Tengah',
      simpananPokokAmount: 25_000,
      simpananWajibMonthlyAmount: 15_000,
    });
    expect(koperasi.status).toBe(201);
    for (const role of ['teller', 'supervisor', 'auditor'] as const) {
      const username = `${role}.gedawang`;
      const created = await admin.post('/users', {
        username,
        fullName: fullNameOf(username),
        password: DEMO_PASSWORD,
        role,
        koperasiId: koperasi.body.id,
      });
      expect(created.status).toBe(201);
      clients[role] = await new ApiClient(suite.gatewayUrl).login(username, DEMO_PASSWORD);
    }
    clients.admin = admin;
    for (const role of ROLES) tokens[role] = await tokenOf(role);
    const member = await clients.teller.post('/members', {
      nik: nik(1),
      fullName: 'Sri Wahyuni',
      address: 'Jl. Gedawang Raya 12',
      kelurahan: 'Gedawang',
    });
    expect(member.status).toBe(201);
    memberId = member.body.id;
    expect(
      (await clients.teller.post(`/members/${memberId}/simpanan-pokok`, { amount: 25_000 })).status,
    ).toBeLessThan(300);
  }, 300_000);

  afterAll(async () => {
    await suite.stopAll();
  }, 60_000);

  async function tokenOf(role: Role): Promise<string> {
    const username = role === 'admin' ? 'admin' : `${role}.gedawang`;
    const response = await fetch(`${suite.gatewayUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function send(
    method: string,
    url: string,
    options: {
      token?: string;
      body?: string;
      contentType?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer> {
    const response = await fetch(url, {
      method,
      headers: {
        ...(options.body === undefined
          ? {}
          : { 'content-type': options.contentType ?? 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }),
        ...options.headers,
      },
      body: options.body,
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  /** What must not move: every event in every store, the books, the members and the day's payments. */
  async function snapshotOfTheBooks(): Promise<unknown> {
    const events = await clients.auditor.get('/audit/events?limit=1000');
    const balance = await clients.supervisor.get('/ledger/trial-balance');
    const members = await clients.teller.get('/members?q=a');
    const payments = await clients.teller.get('/billpay/payments');
    const koperasi = await clients.admin.get('/koperasi');
    for (const response of [events, balance, members, payments, koperasi])
      expect(response.status).toBe(200);
    return {
      events: events.body.events.length,
      lastEvent: events.body.events.at(-1)?.eventId ?? null,
      // asOf is the moment asked; the lines are the books.
      balance: { ...balance.body, asOf: undefined },
      members: members.body.length,
      payments: payments.body.length,
      koperasi: koperasi.body.length,
    };
  }

  describe('findings', () => {
    it('a duplicated key or a __proto__ key in a deposit is refused with 400 and moves no money', async () => {
      const url = `${suite.gatewayUrl}/members/${memberId}/simpanan-sukarela/deposits`;
      const before = await clients.teller.get(`/members/${memberId}`);
      const duplicate = await send('POST', url, {
        token: tokens.teller,
        body: '{"amount":-5,"amount":1000}',
      });
      expect(duplicate.status).toBe(400);
      expect(duplicate.json).toMatchObject({
        statusCode: 400,
        error: 'JSON_DUPLICATE_KEY',
        details: [{ field: 'amount' }],
      });
      const proto = await send('POST', url, {
        token: tokens.teller,
        body: '{"amount":25000,"__proto__":{"x":1}}',
      });
      expect(proto.status).toBe(400);
      expect(proto.json).toMatchObject({
        error: 'JSON_FORBIDDEN_KEY',
        details: [{ field: '__proto__' }],
      });
      const constructor = await send('POST', url, {
        token: tokens.teller,
        body: '{"amount":25000,"constructor":{"prototype":{}}}',
      });
      expect(constructor.json.error).toBe('JSON_FORBIDDEN_KEY');
      expect((await clients.teller.get(`/members/${memberId}`)).body).toEqual(before.body);
    });

    it('an anonymous 2,000-deep body or a NUL in a login name answers 400, not 500', async () => {
      const deep = await send('POST', `${suite.gatewayUrl}/auth/login`, {
        body: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
      });
      expect(deep.status).toBe(400);
      expect(deep.json.error).toBe('JSON_TOO_DEEP');
      const nul = await send('POST', `${suite.gatewayUrl}/auth/login`, {
        body: JSON.stringify({ username: `admin${NUL}`, password: DEMO_PASSWORD }),
      });
      expect(nul.status).toBe(400);
      expect(nul.json.details).toEqual([expect.objectContaining({ field: 'username' })]);
    });

    it('a text/plain body answers 415, not "check amount"', async () => {
      const response = await send(
        'POST',
        `${suite.gatewayUrl}/members/${memberId}/simpanan-sukarela/deposits`,
        { token: tokens.teller, body: 'amount=25000', contentType: 'text/plain' },
      );
      expect(response.status).toBe(415);
      expect(response.json).toMatchObject({ statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('a NUL, a bidi override or an emoji in a member name answers 400 naming fullName, and no member is registered', async () => {
      for (const fullName of [`Sri${NUL}Wahyuni`, `Sri ${RLO}inuyhaW`, 'Sri Wahyuni 😀', 'R2D2']) {
        const response = await clients.teller.post('/members', {
          nik: nik(2),
          fullName,
          address: 'Jl. Gedawang Raya 13',
          kelurahan: 'Gedawang',
        });
        expect(response.status).toBe(400);
        expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(
          'fullName',
        );
      }
      expect((await clients.teller.get(`/members?nik=${nik(2)}`)).body).toEqual([]);
      // The KTP's own punctuation is a name.
      const kept = await clients.teller.post('/members', {
        nik: nik(3),
        fullName: "Drs. H. Ahmad Nur'aini, S.Pd.",
        address: 'Jl. Gedawang Raya 14',
        kelurahan: 'Gedawang',
      });
      expect(kept.status).toBe(201);
    });

    it('a NUL in a query answers 400 naming the parameter, not 502', async () => {
      const response = await send('GET', `${suite.gatewayUrl}/members?q=a%00b`, {
        token: tokens.teller,
      });
      expect(response.status).toBe(400);
      expect(response.json.details).toEqual([expect.objectContaining({ field: 'q' })]);
    });

    it('a day that does not exist answers 400 naming the parameter: payments (was 502) and audit (read another day)', async () => {
      const payments = await send('GET', `${suite.gatewayUrl}/billpay/payments?date=2026-02-30`, {
        token: tokens.teller,
      });
      expect(payments.status).toBe(400);
      expect(payments.json.details).toEqual([expect.objectContaining({ field: 'date' })]);
      for (const query of [
        'from=2026-02-30',
        'to=2026-02-30',
        'from=2026-02-28T24:00:00%2B07:00',
      ]) {
        const audit = await send('GET', `${suite.gatewayUrl}/audit/events?${query}`, {
          token: tokens.auditor,
        });
        expect(audit.status).toBe(400);
        expect(audit.json.details[0].field).toBe(query.slice(0, query.indexOf('=')));
      }
      expect(
        (
          await send('GET', `${suite.gatewayUrl}/billpay/payments?date=2024-02-29`, {
            token: tokens.teller,
          })
        ).status,
      ).toBe(200);
    });

    it('POST /users needs an Idempotency-Key; a retry with the same key gives the same user', async () => {
      const body = JSON.stringify({
        username: 'teller.kedua',
        fullName: 'Dewi Lestari',
        password: DEMO_PASSWORD,
        role: 'teller',
      });
      const headers = {
        authorization: `Bearer ${tokens.supervisor}`,
        'content-type': 'application/json',
      };
      const missing = await fetch(`${suite.gatewayUrl}/users`, { method: 'POST', headers, body });
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as { error: string }).error).toBe('IDEMPOTENCY_KEY_MISSING');
      const key = randomUUID();
      const first = await send('POST', `${suite.gatewayUrl}/users`, {
        token: tokens.supervisor,
        body,
        headers: { 'idempotency-key': key },
      });
      const again = await send('POST', `${suite.gatewayUrl}/users`, {
        token: tokens.supervisor,
        body,
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.json).toEqual(first.json);
    });
  });

  describe('headers', () => {
    it('API answers: no X-Powered-By, nosniff, frames denied, a strict CSP and no-store', async () => {
      for (const answer of [
        await send('GET', `${suite.gatewayUrl}/members/${memberId}`, { token: tokens.teller }),
        await send('GET', `${suite.gatewayUrl}/koperasi`),
      ]) {
        expect(answer.headers.get('x-powered-by')).toBeNull();
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('x-frame-options')).toBe('DENY');
        expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(answer.headers.get('cache-control')).toBe('no-store');
      }
    });

    it('the counter app: a CSP without inline scripts or styles; hashed assets stay immutable', async () => {
      const page = await send('GET', `${rootUrl}/`);
      expect(page.status).toBe(200);
      const policy = page.headers.get('content-security-policy')!;
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(page.headers.get('x-powered-by')).toBeNull();
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1];
      const script = await send('GET', `${rootUrl}${asset}`);
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    });

    it('/metrics on the public port answers only with the internal token', async () => {
      const anonymous = await send('GET', `${rootUrl}/metrics`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.json).toMatchObject({ statusCode: 401, error: 'UNAUTHORIZED' });
      expect(anonymous.text).not.toContain('http_request_duration_seconds');
      const scraper = await send('GET', `${rootUrl}/metrics`, {
        headers: { 'x-internal-token': suite.secrets.INTERNAL_API_TOKEN },
      });
      expect(scraper.status).toBe(200);
      expect(scraper.text).toContain('http_request_duration_seconds');
    });
  });

  describe('every route of the OpenAPI document, with a table of bad inputs', () => {
    it('answers 4xx with a JSON error body and changes nothing in the books', async () => {
      const document = (await (await fetch(`${rootUrl}/docs-json`)).json()) as OpenApiDocument;
      // The seeded pokok is in the books before the walk starts, so whatever moves after it is the walk's doing.
      await waitFor(
        'the ledger to book the seeded pokok',
        async () =>
          (await clients.supervisor.get('/ledger/trial-balance')).body.totalDebit === 25_000,
        45_000,
      );
      const before = await snapshotOfTheBooks();
      const answered: string[] = [];
      const problems: string[] = [];
      let requests = 0;
      let pastTheGuard = 0;
      for (const [template, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          for (const bad of badRequestsOf(template, method, operation, document)) {
            // The route's own role: a refused role (401/403) is tried with the next, so the checks behind the guard run.
            let answer: Answer | null = null;
            for (const role of [undefined, ...ROLES]) {
              const url = `${rootUrl}${bad.path}${bad.query ? `?${bad.query}` : ''}`;
              answer = await send(method.toUpperCase(), url, {
                token: role && tokens[role],
                body: bad.body,
                contentType: bad.contentType,
              });
              requests++;
              if (answer.status !== 401 && answer.status !== 403) break;
            }
            const where = `${method.toUpperCase()} ${template} ${bad.label}: ${answer!.status} ${answer!.text.slice(0, 300)}`;
            answered.push(where);
            if (answer!.status < 400 || answer!.status >= 500) problems.push(`not 4xx: ${where}`);
            else if (!isErrorBody(answer!.json, answer!.status))
              problems.push(`no JSON error body: ${where}`);
            else if (
              bad.namesField &&
              answer!.status === 400 &&
              !fieldsOf(answer!.json).includes(bad.namesField)
            ) {
              problems.push(`400 does not name ${bad.namesField}: ${where}`);
            }
            if (answer!.status !== 401 && answer!.status !== 403) pastTheGuard++;
          }
        }
      }
      expect(problems).toEqual([]);
      expect(requests).toBeGreaterThan(500);
      // Most cases reach the checks behind the guard (the rest are routes no staff role may use, or login/callback signatures).
      expect(pastTheGuard).toBeGreaterThan(answered.length * 0.9);
      process.stdout.write(
        `bad-input walk: ${answered.length} cases, ${requests} requests, ${pastTheGuard} past the guard\n`,
      );
      // Anything a bad request had set going would reach the books within the ledger's usual lag.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await snapshotOfTheBooks()).toEqual(before);
    }, 600_000);
  });
});

function isErrorBody(body: any, status: number): boolean {
  return (
    body !== null &&
    typeof body === 'object' &&
    body.statusCode === status &&
    typeof body.error === 'string' &&
    typeof body.message === 'string'
  );
}

function fieldsOf(body: { details?: unknown }): string[] {
  return Array.isArray(body.details)
    ? body.details.map((detail: { field?: string }) => detail.field ?? '')
    : [];
}

/** The bad requests for one route: bad path ids, bad query values by kind, bad raw bodies and bad values per body property. */
function badRequestsOf(
  template: string,
  method: string,
  operation: OpenApiOperation,
  document: OpenApiDocument,
): BadRequest[] {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const withIds = (id: string) => template.replace(/\{[^}]+\}/g, id);
  const validPath = withIds('00000000-0000-0000-0000-000000000000');
  // Behind any bad path or query value a write still carries a bad body, so nothing it might accept is ever valid.
  const wrongBody = method === 'get' ? undefined : '{"unexpected":1}';
  const requests: BadRequest[] = [];
  if (pathParameters.length > 0) {
    for (const id of BAD_PATH_IDS) {
      requests.push({
        label: `path ${JSON.stringify(id.slice(0, 20))}`,
        path: withIds(id.includes('%') ? id : encodeURIComponent(id)),
        body: wrongBody,
      });
    }
  }
  for (const parameter of parameters.filter((candidate) => candidate.in === 'query')) {
    for (const value of badQueryValuesOf(parameter)) {
      requests.push({
        label: `query ${parameter.name}=${JSON.stringify(value.slice(0, 20))}`,
        path: validPath,
        query: `${parameter.name}=${encodeURIComponent(value)}`,
        body: wrongBody,
        namesField: value.includes(NUL) || value.includes(RLO) ? parameter.name : undefined,
      });
    }
    requests.push({
      label: `query ${parameter.name} twice`,
      path: validPath,
      query: `${parameter.name}=a&${parameter.name}=b`,
      body: wrongBody,
    });
  }
  if (method !== 'get') {
    for (const raw of RAW_BAD_BODIES)
      requests.push({
        label: `body ${raw.label}`,
        path: validPath,
        body: raw.body,
        contentType: raw.contentType,
      });
    for (const property of bodyPropertiesOf(operation, document)) {
      for (const value of BAD_PROPERTY_VALUES) {
        requests.push({
          label: `body ${property}=${JSON.stringify(value)?.slice(0, 20)}`,
          path: validPath,
          body: JSON.stringify({ [property]: value }),
          namesField:
            typeof value === 'string' &&
            [NUL, RLO, '\u0007'].some((unsafe) => value.includes(unsafe))
              ? property
              : undefined,
        });
      }
    }
  }
  return requests;
}

function badQueryValuesOf(parameter: OpenApiParameter): string[] {
  const values = [...BAD_TEXT];
  const isDate =
    parameter.schema?.format === 'date' || /^(date|from|to|asOf|upToDate)$/.test(parameter.name);
  if (isDate) values.push(...BAD_DATES);
  if (parameter.schema?.type === 'integer' || parameter.schema?.type === 'number')
    values.push(...BAD_NUMBERS);
  if (parameter.schema?.enum) values.push('NOT_ONE_OF_THEM');
  return values;
}

function bodyPropertiesOf(operation: OpenApiOperation, document: OpenApiDocument): string[] {
  const reference = operation.requestBody?.content['application/json']?.schema.$ref;
  if (!reference) return [];
  const schema = document.components.schemas[reference.replace('#/components/schemas/', '')];
  return Object.keys(schema?.properties ?? {});
}
