import { parseNik, type Nik } from '@koperasi/domain';
import { t } from '../../i18n/i18n';
import { wibToday } from '../../format/wib';

export type NikCheck =
  | { state: 'empty' }
  /** Digits still being typed: no verdict yet, only how far along. */
  | { state: 'typing'; digits: number }
  | { state: 'ok'; nik: Nik }
  | { state: 'bad'; message: string };

const NIK_LENGTH = 16;

/**
 * The NIK as the members service checks it (`parseNik` from @koperasi/domain, today in WIB), with its refusal
 * told in the counter's language. While fewer than 16 digits are typed there is no verdict yet, unless `final`
 * (the form is being sent) or something other than a digit was typed.
 */
export function checkNik(typed: string, final = false, today = wibToday()): NikCheck {
  const value = typed.trim();
  if (value === '')
    return final ? { state: 'bad', message: t('members.nik.required') } : { state: 'empty' };
  if (/^\d+$/.test(value) && value.length < NIK_LENGTH && !final)
    return { state: 'typing', digits: value.length };
  const parsed = parseNik(value, today);
  if (parsed.ok) return { state: 'ok', nik: parsed.nik };
  return { state: 'bad', message: nikReasonText(parsed.reason, value) };
}

/** parseNik's reasons, case by case, in plain words; an unforeseen one still says the NIK is not valid. */
export function nikReasonText(reason: string, value: string): string {
  if (/digits only/.test(reason)) return t('members.nik.digitsOnly');
  if (/15 digits/.test(reason)) return t('members.nik.old15');
  if (/exactly 16 digits/.test(reason)) return t('members.nik.length', { count: value.length });
  if (/province code/.test(reason)) return t('members.nik.province', { code: value.slice(0, 2) });
  if (/regency\/city code \d/.test(reason))
    return t('members.nik.regencyUnknown', { code: `${value.slice(0, 2)}.${value.slice(2, 4)}` });
  if (/regency\/city code/.test(reason)) return t('members.nik.regency');
  if (/district code/.test(reason)) return t('members.nik.district');
  if (/serial number/.test(reason)) return t('members.nik.serial');
  if (/in the future or more than/.test(reason)) return t('members.nik.birthImplausible');
  if (/birth (day|month|date)/.test(reason)) return t('members.nik.birthInvalid');
  return t('members.nik.invalid');
}
