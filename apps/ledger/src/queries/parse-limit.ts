import { BadRequestException } from '@nestjs/common';

export const MAX_LIMIT = 500;

/** A page size from the query string: the default when left out, else a whole number from 1 to MAX_LIMIT. */
export function parseLimit(limit: string | undefined, defaultLimit: number): number {
  if (limit === undefined) return defaultLimit;
  const value = Number(limit);
  if (!/^\d+$/.test(limit) || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw new BadRequestException(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return value;
}
