import { parseNik } from './nik.js';

const TODAY = '2025-07-21';
// 33 74 10 = Jawa Tengah, Kota Semarang, a district; the six digits after it are DDMMYY.
const nik = (ddmmyy: string, serial = '0001', region = '337410') => `${region}${ddmmyy}${serial}`;

function reasonFor(input: string, today = TODAY): string {
  const result = parseNik(input, today);
  if (result.ok) throw new Error(`expected ${input} to be refused`);
  return result.reason;
}

describe('parseNik', () => {
  describe('given a well-formed NIK', () => {
    it('then it yields the region, birth date, sex and serial of a man', () => {
      expect(parseNik(nik('170585', '0042'), TODAY)).toEqual({
        ok: true,
        nik: {
          value: '3374101705850042',
          provinceCode: '33',
          regencyCode: '74',
          regencyName: 'Kota Semarang',
          districtCode: '10',
          birthDate: '1985-05-17',
          sex: 'M',
          serial: '0042',
        },
      });
    });

    it('then a day of 41-71 means a woman born on day - 40', () => {
      const first = parseNik(nik('410190'), TODAY);
      const last = parseNik(nik('710190'), TODAY);
      expect(first.ok && first.nik).toMatchObject({ sex: 'F', birthDate: '1990-01-01' });
      expect(last.ok && last.nik).toMatchObject({ sex: 'F', birthDate: '1990-01-31' });
    });

    it('then surrounding whitespace is ignored', () => {
      const result = parseNik(`  ${nik('170585')}\n`, TODAY);
      expect(result.ok && result.nik.value).toBe('3374101705850001');
    });

    it('then a province created in 2022 is accepted', () => {
      expect(parseNik(nik('170585', '0001', '960101'), TODAY).ok).toBe(true);
    });

    it.each([
      ['3374', 'Kota Semarang'],
      ['3375', 'Kota Pekalongan'],
      ['1101', 'Kabupaten Aceh Selatan'],
      ['9671', 'Kota Sorong'],
    ])('then kabupaten/kota %s of the Kepmendagri list resolves to %s', (region, name) => {
      const result = parseNik(nik('170585', '0001', `${region}10`), TODAY);
      expect(result.ok && result.nik.regencyName).toBe(name);
    });

    it('then a Papua code of before the 2022 provinces still resolves, as NIKs issued then carry it', () => {
      const result = parseNik(nik('170585', '0001', '910101'), TODAY);
      expect(result.ok && result.nik.regencyName).toBe('KAB. MERAUKE');
    });
  });

  describe('when the two-digit year needs a century', () => {
    it('then the recent century is chosen when it is not in the future', () => {
      const result = parseNik(nik('010110'), TODAY);
      expect(result.ok && result.nik.birthDate).toBe('2010-01-01');
    });

    it('then a date that would be in the future moves back a century', () => {
      const result = parseNik(nik('010830'), TODAY);
      expect(result.ok && result.nik.birthDate).toBe('1930-08-01');
    });

    it('then later this year is last century but earlier this year is this one', () => {
      const later = parseNik(nik('220725'), TODAY);
      const today = parseNik(nik('210725'), TODAY);
      expect(later.ok && later.nik.birthDate).toBe('1925-07-22');
      expect(today.ok && today.nik.birthDate).toBe('2025-07-21');
    });

    it('then 29 February counts only in a leap century', () => {
      const result = parseNik(nik('290200'), TODAY);
      expect(result.ok && result.nik.birthDate).toBe('2000-02-29');
    });

    it('then a date whose only real century is in the future is refused', () => {
      expect(reasonFor(nik('290200'), '2000-01-01')).toMatch(
        /in the future or more than 120 years ago/,
      );
    });
  });

  describe('when the NIK is malformed', () => {
    it('then 15 digits get their own message', () => {
      expect(reasonFor('337410170585001')).toMatch(/15 digits/);
    });

    it.each([
      ['too short', '33741017058500', /exactly 16 digits, got 14/],
      ['too long', '33741017058500011', /exactly 16 digits, got 17/],
      ['letters', '33741017058500O1', /digits only/],
      ['empty', '', /digits only/],
      ['dashes', '3374-1017-0585-0001', /digits only/],
    ])('then %s is refused', (_, input, reason) => {
      expect(reasonFor(input)).toMatch(reason);
    });

    it.each([
      ['10', 'province code 10'],
      ['20', 'province code 20'],
      ['99', 'province code 99'],
    ])('then province %s is refused', (province, reason) => {
      expect(reasonFor(nik('170585', '0001', `${province}7410`))).toMatch(reason);
    });

    it.each([
      ['3399', '33.99 does not exist in Jawa Tengah'],
      ['3380', '33.80 does not exist in Jawa Tengah'],
      ['3129', '31.29 does not exist'],
      ['1120', '11.20 does not exist in Aceh'],
    ])('then kabupaten/kota %s, in no Kepmendagri list, is refused', (region, reason) => {
      expect(reasonFor(nik('170585', '0001', `${region}10`))).toContain(reason);
    });

    it('then regency 00, district 00 and serial 0000 are refused', () => {
      expect(reasonFor(nik('170585', '0001', '330010'))).toMatch(/regency\/city code cannot be 00/);
      expect(reasonFor(nik('170585', '0001', '337400'))).toMatch(/district code cannot be 00/);
      expect(reasonFor(nik('170585', '0000'))).toMatch(/serial number cannot be 0000/);
    });

    it.each(['000185', '320185', '400185', '720185'])('then day field %s is refused', (ddmmyy) => {
      expect(reasonFor(nik(ddmmyy))).toMatch(/neither 01-31 \(male\) nor 41-71 \(female\)/);
    });

    it.each(['170085', '171385'])('then month field %s is refused', (ddmmyy) => {
      expect(reasonFor(nik(ddmmyy))).toMatch(/birth month .. is not 01-12/);
    });

    it.each([
      ['31 February', '310299'],
      ['30 February for a woman', '700299'],
      ['29 February in no leap year', '290201'],
      ['31 April', '310485'],
    ])('then %s is not a real date', (_, ddmmyy) => {
      expect(reasonFor(nik(ddmmyy))).toMatch(/is not a real calendar date/);
    });
  });

  it('refuses a malformed today as a programming error', () => {
    expect(() => parseNik(nik('170585'), '21-07-2025')).toThrow(RangeError);
  });
});
