import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDay, localDateOf } from '@koperasi/domain';

/**
 * A day that exists, written YYYY-MM-DD: `2026-02-30` is refused with 400 naming the field rather than read
 * as another day or passed on to a service that cannot answer it.
 */
export function CalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'calendarDay',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDay(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'date'} must be a day that exists, written YYYY-MM-DD, e.g. 2026-11-22`,
      },
    },
    options,
  );
}

/** A day that exists (YYYY-MM-DD), or an ISO 8601 date-time of such a day with its offset. */
export function CalendarDayOrInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'calendarDayOrInstant',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && (isCalendarDay(value) || localDateOf(value) !== null),
        defaultMessage: (args) =>
          `${args?.property ?? 'date'} must be a day that exists (YYYY-MM-DD, a WIB day) or an ISO 8601 date-time with its offset, e.g. 2026-11-22T08:00:00+07:00`,
      },
    },
    options,
  );
}
