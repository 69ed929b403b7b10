const UNIQUE_VIOLATION = '23505';

/** True when `error` is PostgreSQL refusing a duplicate on the named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = error as { code?: string; constraint?: string } | null;
  return pgError?.code === UNIQUE_VIOLATION && pgError.constraint === constraint;
}
