/** Objects and arrays inside one another; the deepest body the API takes is 3 (a list of objects in an object). */
export const MAX_JSON_DEPTH = 8;

/** Keys that reach an object's prototype in code that copies or merges bodies: refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a body is refused, in words a client developer can act on, with the JSON path of the offending key. */
export class StrictJsonError extends Error {
  constructor(
    readonly code: 'INVALID_JSON' | 'JSON_TOO_DEEP' | 'JSON_DUPLICATE_KEY' | 'JSON_FORBIDDEN_KEY',
    message: string,
    readonly path: string | null = null,
  ) {
    super(message);
  }
}

interface Container {
  /** null for an array. */
  keys: Set<string> | null;
  /** Where it is in the body (`periods[].month`); '' for the body itself. */
  path: string;
  lastKey: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * JSON.parse that refuses what it would accept silently: a key given twice (the last one wins, so
 * `{"amount":-5,"amount":1000}` validates as 1000 while a log shows -5), prototype keys, and nesting deeper
 * than MAX_JSON_DEPTH. One scan over the text finds those (the depth check also bounds the scan's stack), then
 * the native parser builds the value.
 */
export function parseStrictJson(text: string): Record<string, unknown> {
  scanStructure(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StrictJsonError(
      'INVALID_JSON',
      `The body is not valid JSON: ${(error as Error).message}`,
    );
  }
  // Every request of the API is an object of named fields; null, a list or a bare value would skip its checks.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new StrictJsonError('INVALID_JSON', 'The body must be a JSON object of named fields');
  }
  return value as Record<string, unknown>;
}

function scanStructure(text: string): void {
  const stack: Container[] = [];
  let expectKey = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      const end = endOfString(text, index);
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        checkKey(top, text, index, end);
        expectKey = false;
      }
      index = end;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      const parent = stack[stack.length - 1];
      const path = parent ? pathOf(parent, parent.keys ? parent.lastKey : '[]') : '';
      if (stack.length >= MAX_JSON_DEPTH) {
        throw new StrictJsonError(
          'JSON_TOO_DEEP',
          `The body nests objects and arrays more than ${MAX_JSON_DEPTH} deep`,
        );
      }
      stack.push({ keys: char === 0x7b ? new Set() : null, path, lastKey: '' });
      expectKey = char === 0x7b;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (char === 0x2c /* , */) {
      expectKey = stack[stack.length - 1]?.keys != null;
    }
  }
}

/** Index of the closing quote of the string opening at `start` (the text's end when unterminated: JSON.parse says so). */
function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === BACKSLASH) index++;
    else if (char === QUOTE) return index;
  }
  return text.length;
}

function checkKey(container: Container, text: string, start: number, end: number): void {
  const raw = text.slice(start + 1, end);
  // An escaped key (`"__pro\u0074o__"`) is compared as the parser will read it.
  const key = raw.includes('\\') ? decodeKey(text.slice(start, end + 1)) : raw;
  const path = pathOf(container, key);
  if (FORBIDDEN_KEYS.has(key)) {
    throw new StrictJsonError(
      'JSON_FORBIDDEN_KEY',
      `The body has a key named ${key} (at ${path}); such keys are never accepted`,
      path,
    );
  }
  if (container.keys!.has(key)) {
    throw new StrictJsonError(
      'JSON_DUPLICATE_KEY',
      `The body gives ${path} twice; send each field once`,
      path,
    );
  }
  container.keys!.add(key);
  container.lastKey = key;
}

function pathOf(container: Container, child: string): string {
  if (child === '[]') return `${container.path}[]`;
  return container.path ? `${container.path}.${child}` : child;
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    throw new StrictJsonError(
      'INVALID_JSON',
      'The body is not valid JSON: a key is not a valid string',
    );
  }
}
