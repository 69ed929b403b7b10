import type { KoperasiRegisteredData } from './koperasi-registered.event.js';

/** A new koperasi with its settings as the admin wrote them, its id already given. */
export interface RegisterKoperasi extends KoperasiRegisteredData {
  type: 'RegisterKoperasi';
}
