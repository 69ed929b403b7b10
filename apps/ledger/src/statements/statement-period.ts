import { BadRequestException } from '@nestjs/common';
import { isCalendarDate } from '../domain/index.js';
import type { StatementPeriod } from './statement-views.js';

const DAY_MS = 24 * 3600 * 1000;

/** `from` and `to` are WIB business days, both included; a 400 naming the field when either is not a day. */
export function statementPeriodFrom(query: { from?: string; to?: string }): StatementPeriod {
  const problems: string[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value === undefined || value === '')
      problems.push(`${field} is required: a day in WIB written YYYY-MM-DD`);
    else if (!isCalendarDate(value))
      problems.push(`${field} ${value} is not a day written YYYY-MM-DD`);
  }
  if (problems.length === 0 && query.to! < query.from!)
    problems.push(`to ${query.to} is before from ${query.from}`);
  if (problems.length > 0)
    throw new BadRequestException(`Invalid statement period: ${problems.join('; ')}`);
  return { from: query.from!, to: query.to! };
}

/** The instants of a period: from midnight WIB of `from` up to, not including, midnight after `to`. */
export function periodInstants(period: StatementPeriod): { start: Date; end: Date } {
  return {
    start: new Date(`${period.from}T00:00:00+07:00`),
    end: new Date(Date.parse(`${period.to}T00:00:00+07:00`) + DAY_MS),
  };
}
