/** A command-line count (--rate, --counters): a positive whole number, or the fallback when not given. */
export function positiveFlag(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive whole number, got ${text}`);
  return value;
}
