import { isCalendarDate } from './calendar-date.js';
import { FORMER_REGENCIES, PROVINCES, REGENCIES } from './region-codes.js';

/** The parts of a Nomor Induk Kependudukan: `PPKKCC DDMMYY SSSS`. */
export interface Nik {
  value: string;
  provinceCode: string;
  regencyCode: string;
  /** The kabupaten/kota the NIK was issued in, as the Kepmendagri names it (see region-codes.ts). */
  regencyName: string;
  districtCode: string;
  /** `YYYY-MM-DD`; the NIK has no century, see `parseNik`. */
  birthDate: string;
  sex: 'F' | 'M';
  serial: string;
}

export type NikParseResult = { ok: true; nik: Nik } | { ok: false; reason: string };

const FEMALE_DAY_OFFSET = 40;
const MAX_AGE_YEARS = 120;

/**
 * Checks an NIK as far as its digits allow: there is no check digit, so a well-formed NIK can still belong
 * to nobody. `today` (`YYYY-MM-DD`) resolves the two-digit birth year: the latest century that puts the
 * birth date on or before today and no more than 120 years back.
 */
export function parseNik(input: string, today: string): NikParseResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new RangeError(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const value = input.trim();
  if (!/^\d+$/.test(value)) return refuse('NIK must contain digits only');
  if (value.length === 15) {
    return refuse(
      'NIK has 15 digits: old 15-digit NIKs are not accepted, use the 16-digit NIK on the current KTP or Kartu Keluarga',
    );
  }
  if (value.length !== 16) return refuse(`NIK must have exactly 16 digits, got ${value.length}`);

  const provinceCode = value.slice(0, 2);
  const regencyCode = value.slice(2, 4);
  const districtCode = value.slice(4, 6);
  const serial = value.slice(12, 16);
  if (!Object.hasOwn(PROVINCES, provinceCode))
    return refuse(`NIK province code ${provinceCode} does not exist`);
  if (regencyCode === '00') return refuse('NIK regency/city code cannot be 00');
  const regencyName = regencyNameOf(`${provinceCode}.${regencyCode}`);
  if (regencyName === null) {
    return refuse(
      `NIK regency/city code ${provinceCode}.${regencyCode} does not exist in ${PROVINCES[provinceCode]}`,
    );
  }
  if (districtCode === '00') return refuse('NIK district code cannot be 00');
  if (serial === '0000') return refuse('NIK serial number cannot be 0000');

  const encodedDay = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const twoDigitYear = Number(value.slice(10, 12));
  const sex = encodedDay > FEMALE_DAY_OFFSET ? 'F' : 'M';
  const day = sex === 'F' ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
  if (day < 1 || day > 31) {
    return refuse(`NIK birth day ${value.slice(6, 8)} is neither 01-31 (male) nor 41-71 (female)`);
  }
  if (month < 1 || month > 12) return refuse(`NIK birth month ${value.slice(8, 10)} is not 01-12`);

  const dateText = `${pad2(day)}-${value.slice(8, 10)}-${value.slice(10, 12)}`;
  const candidates = birthDateCandidates(day, month, twoDigitYear, today);
  if (candidates.real === 0)
    return refuse(`NIK birth date ${dateText} is not a real calendar date`);
  if (!candidates.plausible) {
    return refuse(
      `NIK birth date ${dateText} is in the future or more than ${MAX_AGE_YEARS} years ago in every century`,
    );
  }
  return {
    ok: true,
    nik: {
      value,
      provinceCode,
      regencyCode,
      regencyName,
      districtCode,
      birthDate: candidates.plausible,
      sex,
      serial,
    },
  };
}

/**
 * The kabupaten/kota of a `PP.KK` code, or null when the Kepmendagri has no such code; a Papua code of before
 * the 2022 provinces still resolves, since NIKs issued then keep it.
 */
export function regencyNameOf(code: string): string | null {
  if (Object.hasOwn(REGENCIES, code)) return REGENCIES[code];
  if (Object.hasOwn(FORMER_REGENCIES, code)) return FORMER_REGENCIES[code];
  return null;
}

/** The latest real date on or before today with age at most 120, and how many centuries gave a real date at all. */
function birthDateCandidates(
  day: number,
  month: number,
  twoDigitYear: number,
  today: string,
): { plausible: string | null; real: number } {
  const todayYear = Number(today.slice(0, 4));
  // Someone born on this day 121 years ago turns 121 today; text order of these strings is date order.
  const tooOld = `${String(todayYear - MAX_AGE_YEARS - 1).padStart(4, '0')}${today.slice(4)}`;
  const oldestCentury = Math.floor((todayYear - MAX_AGE_YEARS - 1) / 100) * 100;
  let real = 0;
  for (let century = Math.floor(todayYear / 100) * 100; century >= oldestCentury; century -= 100) {
    const year = century + twoDigitYear;
    // 29-02 is only real in leap years, so each century is checked on its own.
    if (!isCalendarDate(year, month, day)) continue;
    real += 1;
    const candidate = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
    if (candidate <= today && candidate > tooOld) return { plausible: candidate, real };
  }
  return { plausible: null, real };
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function refuse(reason: string): NikParseResult {
  return { ok: false, reason };
}
