import { en } from './en';
import { id } from './id';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the counter app dictionaries', () => {
  it('have exactly the same keys in Bahasa Indonesia and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('leave no text empty and fill the same placeholders in both languages', () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect({ key, empty: id[key].trim() === '' || en[key].trim() === '' }).toEqual({
        key,
        empty: false,
      });
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({
        key,
        placeholders: placeholders(id[key]),
      });
    }
  });
});
