import { decideKoperasi, evolveKoperasi, initialKoperasiState } from './koperasi-decider.js';
import type { RegisterKoperasi } from './register-koperasi.js';

const register: RegisterKoperasi = {
  type: 'RegisterKoperasi',
  koperasiId: 'kop-1',
  code: ' GDW ',
  name: ' KKMP Gedawang ',
  kelurahan: 'Gedawang ',
  kecamatan: 'Banyumanik',
  kotaKabupaten: 'Kota Semarang',
  provinsi: 'Jawa Tengah',
  simpananPokokRp: 100_000,
  simpananWajibMonthlyRp: 10_000,
};

describe('registering a koperasi', () => {
  it('given no koperasi yet, when it is registered, then its settings are kept with the names trimmed', () => {
    expect(decideKoperasi(register, initialKoperasiState)).toEqual({
      ok: true,
      events: [
        {
          type: 'KoperasiRegistered',
          schemaVersion: 1,
          data: {
            koperasiId: 'kop-1',
            code: 'GDW',
            name: 'KKMP Gedawang',
            kelurahan: 'Gedawang',
            kecamatan: 'Banyumanik',
            kotaKabupaten: 'Kota Semarang',
            provinsi: 'Jawa Tengah',
            simpananPokokRp: 100_000,
            simpananWajibMonthlyRp: 10_000,
          },
        },
      ],
    });
  });

  it('given the koperasi registered, when it is registered again, then that is refused', () => {
    const first = decideKoperasi(register, initialKoperasiState);
    if (!first.ok) throw new Error('refused');
    const state = first.events.reduce(evolveKoperasi, initialKoperasiState);
    expect(decideKoperasi(register, state)).toMatchObject({
      ok: false,
      error: { code: 'KOPERASI_ALREADY_REGISTERED' },
    });
  });
});
