import { MAX_JSON_DEPTH, parseStrictJson, StrictJsonError } from './strict-json.js';

function refusal(text: string): { code: string; path: string | null } {
  try {
    parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error(`accepted ${text}`);
}

describe('parseStrictJson', () => {
  it('reads ordinary bodies as JSON.parse does', () => {
    const text =
      '{"amount":25000,"periods":["2026-01","2026-02"],"note":"a \\"quoted\\" {x:1}, [y]","n":null}';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    expect(parseStrictJson('{"list":[{"a":1},{"a":2}]}')).toEqual({ list: [{ a: 1 }, { a: 2 }] });
  });

  it('refuses a key given twice, at any depth, naming where', () => {
    expect(refusal('{"amount":-5,"amount":1000}')).toEqual({
      code: 'JSON_DUPLICATE_KEY',
      path: 'amount',
    });
    expect(refusal('{"a":{"b":1,"b":2}}')).toEqual({ code: 'JSON_DUPLICATE_KEY', path: 'a.b' });
    expect(refusal('{"list":[{"x":1},{"x":1,"x":2}]}')).toEqual({
      code: 'JSON_DUPLICATE_KEY',
      path: 'list[].x',
    });
    // The same name spelt with an escape is the same key to the parser.
    expect(refusal('{"amount":1,"\\u0061mount":2}')).toEqual({
      code: 'JSON_DUPLICATE_KEY',
      path: 'amount',
    });
  });

  it('takes the same key in sibling objects', () => {
    expect(parseStrictJson('{"list":[{"x":1},{"x":2}]}')).toEqual({ list: [{ x: 1 }, { x: 2 }] });
  });

  it('refuses prototype keys, escaped or not', () => {
    expect(refusal('{"__proto__":{"admin":true}}').code).toBe('JSON_FORBIDDEN_KEY');
    expect(refusal('{"a":{"constructor":{"prototype":1}}}')).toEqual({
      code: 'JSON_FORBIDDEN_KEY',
      path: 'a.constructor',
    });
    expect(refusal('{"__pro\\u0074o__":1}').code).toBe('JSON_FORBIDDEN_KEY');
    // A value that merely says so is data.
    expect(parseStrictJson('{"name":"__proto__"}')).toEqual({ name: '__proto__' });
  });

  it('refuses nesting deeper than the limit, also 2,000 deep', () => {
    const nested = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    expect(parseStrictJson(nested(MAX_JSON_DEPTH))).toBeDefined();
    expect(refusal(nested(MAX_JSON_DEPTH + 1)).code).toBe('JSON_TOO_DEEP');
    expect(refusal(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`).code).toBe('JSON_TOO_DEEP');
  });

  it('refuses what is not JSON', () => {
    expect(refusal('amount=5').code).toBe('INVALID_JSON');
    expect(refusal('{"a":1').code).toBe('INVALID_JSON');
    expect(refusal('{"a":"unterminated').code).toBe('INVALID_JSON');
    for (const bare of ['null', '[]', '"x"', '1']) expect(refusal(bare).code).toBe('INVALID_JSON');
  });
});
