import type { NewEvent, RegisterKoperasiPayload } from '@koperasi/contracts';

export interface KoperasiRegisteredData extends RegisterKoperasiPayload {
  koperasiId: string;
}

/** Opens stream `koperasi-<id>`; the settings are the koperasi's own data, not constants. */
export interface KoperasiRegistered extends NewEvent<KoperasiRegisteredData> {
  type: 'KoperasiRegistered';
  schemaVersion: 1;
}
