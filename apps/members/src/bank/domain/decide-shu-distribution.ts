import { isCalendarDay, type Decision } from '@koperasi/domain';
import type { BookShuDistribution } from './bank-commands.js';
import type { BankErrorCode } from './bank-error-code.js';
import type { ShuDistributionBooked } from './bank-events.js';
import { refuseBank } from './refuse-bank.js';

/**
 * The RAT approved the year's SHU distribution: booked once per koperasi and year (`history` is that year's
 * stream), for a year begun, after its RAT, with the reserve and the members' share within the surplus.
 */
export function decideShuDistribution(
  command: BookShuDistribution,
  history: readonly ShuDistributionBooked[],
): Decision<ShuDistributionBooked, BankErrorCode> {
  if (history.length > 0) {
    return refuseBank(
      'SHU_ALREADY_BOOKED',
      `SHU tahun ${command.year} sudah dibukukan pada ${history[0].data.approvedAt.slice(0, 10)} oleh ${history[0].data.approvedByName}; pembagian SHU dibukukan sekali setahun`,
    );
  }
  const today = command.now.slice(0, 10);
  if (!Number.isSafeInteger(command.year) || String(command.year) > today.slice(0, 4))
    return refuseBank('INVALID_SHU', `Tahun buku ${command.year} belum berjalan`);
  if (!isCalendarDay(command.ratDate) || command.ratDate > today)
    return refuseBank('INVALID_SHU', 'Tanggal RAT harus tanggal yang ada, tidak setelah hari ini');
  const amounts = [command.surplusRp, command.cadanganRp, command.membersRp];
  if (!amounts.every((amountRp) => Number.isSafeInteger(amountRp) && amountRp >= 0))
    return refuseBank('INVALID_SHU', 'Jumlah SHU harus rupiah bulat, tidak kurang dari nol');
  if (command.cadanganRp + command.membersRp === 0)
    return refuseBank('INVALID_SHU', `Tahun ${command.year} tidak punya SHU untuk dibagi`);
  if (command.cadanganRp + command.membersRp > command.surplusRp)
    return refuseBank('INVALID_SHU', 'Cadangan dan bagian anggota melebihi SHU tahun itu');
  const { distributionId, year, ratDate, surplusRp, cadanganRp, membersRp } = command;
  return {
    ok: true,
    events: [
      {
        type: 'ShuDistributionBooked',
        schemaVersion: 1,
        data: {
          distributionId,
          year,
          ratDate,
          surplusRp,
          cadanganRp,
          membersRp,
          approvedBy: command.approvedBy,
          approvedByName: command.approvedByName,
          approvedAt: command.now,
        },
      },
    ],
  };
}
