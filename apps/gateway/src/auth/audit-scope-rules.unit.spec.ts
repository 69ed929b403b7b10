import { scopeFitsRole } from './authenticated-user.js';
import { canSeeKoperasi, koperasiOf, sameKotaKabupaten } from './koperasi-of.js';

describe('who is scoped where', () => {
  it('binds staff to a koperasi, the admin to none, an auditor to a koperasi or a city but not both', () => {
    expect(scopeFitsRole('teller', 'k1', null)).toBe(true);
    expect(scopeFitsRole('teller', null, 'Kota Semarang')).toBe(false);
    expect(scopeFitsRole('supervisor', 'k1', 'Kota Semarang')).toBe(false);
    expect(scopeFitsRole('admin', null, null)).toBe(true);
    expect(scopeFitsRole('admin', 'k1', null)).toBe(false);
    expect(scopeFitsRole('auditor', 'k1', null)).toBe(true);
    expect(scopeFitsRole('auditor', null, 'Kota Semarang')).toBe(true);
    expect(scopeFitsRole('auditor', 'k1', 'Kota Semarang')).toBe(false);
    expect(scopeFitsRole('auditor', null, null)).toBe(false);
  });

  it('matches city names as people type them', () => {
    expect(sameKotaKabupaten(' kota  SEMARANG ', 'Kota Semarang')).toBe(true);
    expect(sameKotaKabupaten('Kota Semarang', 'Kabupaten Semarang')).toBe(false);
  });

  it('lets a city auditor see the koperasi of its city only, and sends it to the audit API for per-koperasi reports', () => {
    const cityAuditor = {
      id: 'u',
      username: 'a',
      role: 'auditor' as const,
      koperasiId: null,
      kotaKabupaten: 'Kota Semarang',
    };
    expect(canSeeKoperasi(cityAuditor, { id: 'k1', kotaKabupaten: 'Kota Semarang' })).toBe(true);
    expect(canSeeKoperasi(cityAuditor, { id: 'k2', kotaKabupaten: 'Kota Pekalongan' })).toBe(false);
    expect(() => koperasiOf(cityAuditor)).toThrow(/audit/);
    const teller = { id: 'u', username: 't', role: 'teller' as const, koperasiId: 'k1' };
    expect(canSeeKoperasi(teller, { id: 'k2', kotaKabupaten: 'Kota Semarang' })).toBe(false);
  });
});
