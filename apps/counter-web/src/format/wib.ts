const TIME_ZONE = 'Asia/Jakarta';

const DATE_TIME = new Intl.DateTimeFormat('id-ID', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DATE = new Intl.DateTimeFormat('id-ID', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const TIME = new Intl.DateTimeFormat('id-ID', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const ISO_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `22/11/2026 10.15 WIB`: the counter's clock is Jakarta's, whatever zone the browser is set to. */
export function formatWibDateTime(iso: string | Date): string {
  return `${DATE_TIME.format(new Date(iso)).replace(',', '')} WIB`;
}

export function formatWibDate(iso: string | Date): string {
  return DATE.format(new Date(iso));
}

/** A YYYY-MM-DD day as the API gives it (a WIB day), written out: `1 Desember 2026`. */
export function formatWibDay(day: string): string {
  return formatWibDate(`${day}T12:00:00+07:00`);
}

export function formatWibTime(iso: string | Date): string {
  return `${TIME.format(new Date(iso))} WIB`;
}

/** Today's date in WIB as YYYY-MM-DD, as the API's `date` parameters take it. */
export function wibToday(now: Date = new Date()): string {
  return ISO_DATE.format(now);
}

/** `2026-03` → `Maret 2026` in the current language. */
export function formatPeriod(period: string, locale: string): string {
  const [year, month] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, 1));
}
