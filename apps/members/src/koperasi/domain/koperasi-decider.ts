import type { Decision } from '@koperasi/domain';
import type { KoperasiRegistered } from './koperasi-registered.event.js';
import type { RegisterKoperasi } from './register-koperasi.js';

/** A koperasi's stream: opened once by its registration. */
export interface KoperasiState {
  registered: boolean;
}

export const initialKoperasiState: KoperasiState = { registered: false };

/** Registers a koperasi once, its names trimmed; the code's uniqueness is the read model's to keep. */
export function decideKoperasi(
  command: RegisterKoperasi,
  state: KoperasiState,
): Decision<KoperasiRegistered, 'KOPERASI_ALREADY_REGISTERED'> {
  if (state.registered)
    return {
      ok: false,
      error: {
        code: 'KOPERASI_ALREADY_REGISTERED',
        message: `Koperasi ${command.koperasiId} is already registered`,
      },
    };
  const { type: _type, ...data } = command;
  return {
    ok: true,
    events: [
      {
        type: 'KoperasiRegistered',
        schemaVersion: 1,
        data: {
          ...data,
          code: data.code.trim(),
          name: data.name.trim(),
          kelurahan: data.kelurahan.trim(),
          kecamatan: data.kecamatan.trim(),
          kotaKabupaten: data.kotaKabupaten.trim(),
          provinsi: data.provinsi.trim(),
        },
      },
    ],
  };
}

export function evolveKoperasi(_state: KoperasiState, _event: KoperasiRegistered): KoperasiState {
  return { registered: true };
}
