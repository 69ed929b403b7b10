/**
 * The RAT's approval of a year's SHU distribution, booked by a supervisor: the members' share and the reserve
 * move out of SHU belum dibagi. The figures are the ledger's SHU calculation of that year when it was sent.
 */
export interface BookShuDistributionPayload {
  year: number;
  /** The day of the RAT that approved it, YYYY-MM-DD. */
  ratDate: string;
  surplusRp: number;
  /** To the reserve (cadangan), as the AD/ART sets it. */
  cadanganRp: number;
  /** Every member's share (jasa modal and jasa usaha) added up: owed to the members until paid. */
  membersRp: number;
  approvedByName: string;
}

export interface ShuDistributionBookedView {
  distributionId: string;
  year: number;
  ratDate: string;
  surplusRp: number;
  cadanganRp: number;
  membersRp: number;
  approvedBy: string;
  approvedByName: string;
  approvedAt: string;
}
