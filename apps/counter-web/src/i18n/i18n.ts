import { computed, signal } from '@preact/signals';
import { en } from './en';
import { id, type MessageKey } from './id';

export type Language = 'id' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'counter.language';
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { id, en };

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export const language = signal<Language>(storedLanguage());
/** The locale for Intl formatting of words (month names); numbers and money stay id-ID in both languages. */
export const locale = computed(() => (language.value === 'en' ? 'en-GB' : 'id-ID'));

export function setLanguage(next: Language): void {
  language.value = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the switch holds for this page only.
  }
}

/** The text for a key in the current language, `{name}` placeholders filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[language.value][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(id, key);
}
