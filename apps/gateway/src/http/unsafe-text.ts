/**
 * Characters no field of the API takes: C0 controls (NUL and the rest; no field is multi-line, so tab and
 * newline too), DEL and C1 controls, and the bidirectional marks, embeddings, overrides and isolates
 * (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069) that make a printed name or reference read
 * differently from what is stored.
 */
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Bodies are at most 8 deep (strict-json.ts); queries and path ids are flat. */
const MAX_WALK_DEPTH = 10;

export interface UnsafeText {
  field: string;
  /** The first offending character as U+XXXX. */
  codePoint: string;
}

/** The first string in `value` (walked through objects and arrays) holding an unsafe character, with its field path. */
export function findUnsafeText(value: unknown, field: string, depth = 0): UnsafeText | null {
  if (typeof value === 'string') {
    const match = UNSAFE_CHARACTER.exec(value);
    if (!match) return null;
    return {
      field,
      codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    };
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_WALK_DEPTH) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findUnsafeText(child, field ? `${field}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}
