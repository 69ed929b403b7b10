import { badRequest } from './bad-request.js';

/** Checks one knob's value; returns the problem, or null when the value is fine. */
export type KnobCheck = (value: unknown) => string | null;

/**
 * A partial update of a knob set: every key must be a known knob and every value must pass its check, or
 * nothing changes and the answer names each problem (a typo in a knob name must not be silently ignored).
 */
export function checkKnobPatch<T extends object>(
  body: unknown,
  checks: { [K in keyof T]: KnobCheck },
): Partial<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The body must be a JSON object of knobs');
  const problems: { field: string; problem: string }[] = [];
  for (const [key, value] of Object.entries(body)) {
    const check = (checks as Record<string, KnobCheck | undefined>)[key];
    if (!check)
      problems.push({
        field: key,
        problem: `unknown knob; known: ${Object.keys(checks).join(', ')}`,
      });
    else {
      const problem = check(value);
      if (problem) problems.push({ field: key, problem });
    }
  }
  if (problems.length > 0)
    throw badRequest(
      `Knobs refused: ${problems.map((p) => `${p.field}: ${p.problem}`).join('; ')}`,
      problems,
    );
  return body as Partial<T>;
}

export const MAX_DELAY_MS = 600_000;

export const isDelayMs: KnobCheck = (value) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_DELAY_MS
    ? null
    : `a whole number of ms, 0..${MAX_DELAY_MS}`;

export const isShare: KnobCheck = (value) =>
  typeof value === 'number' && value >= 0 && value <= 1 ? null : 'a share between 0 and 1';

export const isBoolean: KnobCheck = (value) =>
  typeof value === 'boolean' ? null : 'true or false';

export function isIntegerIn(min: number, max: number): KnobCheck {
  return (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? null
      : `a whole number, ${min}..${max}`;
}

export function isOneOf(values: readonly string[]): KnobCheck {
  return (value) =>
    typeof value === 'string' && values.includes(value) ? null : `one of ${values.join(', ')}`;
}

/** A map from a customer or loan number to a value that passes `check`. */
export function isMapOf(check: KnobCheck, maxEntries = 10_000): KnobCheck {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return 'an object keyed by number';
    const entries = Object.entries(value);
    if (entries.length > maxEntries) return `at most ${maxEntries} entries`;
    for (const [key, entry] of entries) {
      const problem = check(entry);
      if (problem) return `${key}: ${problem}`;
    }
    return null;
  };
}
