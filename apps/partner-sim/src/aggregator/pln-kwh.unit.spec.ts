import { plnPrepaidEnergy } from './pln-kwh.js';

describe('PLN prepaid kWh', () => {
  it.each([
    [20_000, 'R1/1300VA', 583, 19_417, '13.4'],
    [50_000, 'R1/1300VA', 1_456, 48_544, '33.6'],
    [100_000, 'R1/1300VA', 2_913, 97_087, '67.2'],
    [20_000, 'R1/900VA', 583, 19_417, '14.3'],
    [50_000, 'R2/3500VA', 1_456, 48_544, '28.5'],
  ])(
    'given Rp%i at %s, then PPJ Rp%i out, Rp%i stroom, %s kWh',
    (nominalRp, power, ppjRp, stroomRp, kwh) => {
      expect(plnPrepaidEnergy(nominalRp, power)).toEqual({ ppjRp, stroomRp, kwh });
    },
  );

  it('given an unknown power class, then the R1 tariff, and the same answer every time', () => {
    expect(plnPrepaidEnergy(50_000, 'X9/99VA')).toEqual(plnPrepaidEnergy(50_000, 'R1/1300VA'));
  });
});
