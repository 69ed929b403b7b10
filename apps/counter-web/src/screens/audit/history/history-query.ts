import { isCalendarDay } from '@koperasi/domain';
import { isTime, wibDayBefore } from '../shared/wib-input';

/** What Riwayat shows, all of it in the address so every link (a break, a difference, a trace) opens it. */
export interface HistoryQuery {
  stream: string;
  version: string;
  event: string;
  service: string;
  type: string;
  fromDay: string;
  fromTime: string;
  toDay: string;
  toTime: string;
  correlation: string;
}

export const EMPTY_QUERY: HistoryQuery = {
  stream: '',
  version: '',
  event: '',
  service: '',
  type: '',
  fromDay: '',
  fromTime: '',
  toDay: '',
  toTime: '',
  correlation: '',
};

export function historyQueryOf(query: Record<string, string>): HistoryQuery {
  const read = (name: keyof HistoryQuery) => (query[name] ?? '').trim();
  return Object.fromEntries(
    Object.keys(EMPTY_QUERY).map((name) => [name, read(name as keyof HistoryQuery)]),
  ) as unknown as HistoryQuery;
}

export function historyHref(query: Partial<HistoryQuery>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  return `/audit/riwayat?${params}`;
}

/** The API's from/to: a bare WIB day, or the day with the time typed (WIB). */
export function rangeOf(query: HistoryQuery): { from?: string; to?: string } {
  const at = (day: string, time: string) =>
    day === '' ? undefined : time === '' ? day : `${day}T${time}:00+07:00`;
  return { from: at(query.fromDay, query.fromTime), to: at(query.toDay, query.toTime) };
}

export type SearchProblems = Partial<
  Record<'fromDay' | 'fromTime' | 'toDay' | 'toTime' | 'type', string>
>;

const TYPE_LIST = /^[A-Za-z][A-Za-z0-9._-]{0,99}(,[A-Za-z][A-Za-z0-9._-]{0,99}){0,49}$/;

/** The message keys of what is wrong with the search as typed, by field. */
export function searchProblems(
  query: HistoryQuery,
): Record<string, 'day' | 'time' | 'order' | 'type'> {
  const problems: Record<string, 'day' | 'time' | 'order' | 'type'> = {};
  if (query.fromDay && !isCalendarDay(query.fromDay)) problems.fromDay = 'day';
  if (query.toDay && !isCalendarDay(query.toDay)) problems.toDay = 'day';
  if (query.fromTime && (!isTime(query.fromTime) || !query.fromDay)) problems.fromTime = 'time';
  if (query.toTime && (!isTime(query.toTime) || !query.toDay)) problems.toTime = 'time';
  if (query.type && !TYPE_LIST.test(query.type.replace(/\s+/g, ''))) problems.type = 'type';
  const { from, to } = rangeOf(query);
  if (
    !problems.fromDay &&
    !problems.toDay &&
    from &&
    to &&
    new Date(from.length === 10 ? `${from}T00:00:00+07:00` : from) >=
      new Date(to.length === 10 ? `${wibDayBefore(to, -1)}T00:00:00+07:00` : to)
  ) {
    problems.toDay = 'order';
  }
  return problems;
}
