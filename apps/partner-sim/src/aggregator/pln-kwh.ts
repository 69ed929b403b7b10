/**
 * PLN prepaid energy for a token's face value, the way a token receipt works it out: the street lighting tax
 * (PPJ) is taken out of the face value, and what is left (Rp Stroom) buys kWh at the customer's tariff.
 * Deterministic; the numbers are plausible (2024 non-subsidised tariffs), not a statement of PLN's current ones.
 */

/** Tariff per kWh in hundredths of a rupiah, by power class. */
const TARIFF_CENTS_PER_KWH: Readonly<Record<string, number>> = {
  'R1/900VA': 135_200,
  'R1/1300VA': 144_470,
  'R1/2200VA': 144_470,
  'R2/3500VA': 169_953,
  'B1/1300VA': 144_470,
};
const DEFAULT_TARIFF_CENTS_PER_KWH = 144_470;

/** Pajak Penerangan Jalan, taken out of the face value: PPJ = nominal x rate / (1 + rate). */
export const PPJ_PERCENT = 3;

export interface PlnPrepaidEnergy {
  /** The tax inside the face value, rupiah. */
  ppjRp: number;
  /** What buys energy: face value minus PPJ, rupiah. */
  stroomRp: number;
  /** kWh rounded down to one decimal, written with a point: "13.4". */
  kwh: string;
}

export function plnPrepaidEnergy(nominalRp: number, segmentPower: string): PlnPrepaidEnergy {
  const ppjRp = Math.round((nominalRp * PPJ_PERCENT) / (100 + PPJ_PERCENT));
  const stroomRp = nominalRp - ppjRp;
  const tariffCents = TARIFF_CENTS_PER_KWH[segmentPower] ?? DEFAULT_TARIFF_CENTS_PER_KWH;
  // Tenths of a kWh, in integers: stroom (rupiah) x 100 cents x 10 tenths / cents per kWh, rounded down.
  const tenths = Math.floor((stroomRp * 1_000) / tariffCents);
  return { ppjRp, stroomRp, kwh: `${Math.floor(tenths / 10)}.${tenths % 10}` };
}
