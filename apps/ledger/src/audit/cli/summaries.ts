import { formatRupiah } from '@koperasi/domain';
import type { ExportResult } from '../export/export-history.js';
import type { ReplayResult } from '../replay/run-replay.js';
import type { ShuResult } from '../shu/compute-shu.js';
import type { VerifyResult } from '../verify/verify-stores.js';
import { formatCount } from './progress-bar.js';

/** What an auditor reads on stdout after each command; --json prints the result object instead. */
export function verifySummary(result: VerifyResult): string {
  const lines: string[] = [];
  const streams = result.chains.reduce((sum, chain) => sum + chain.streams, 0);
  lines.push(
    `Hash chains: ${formatCount(result.events)} events in ${formatCount(streams)} streams checked in ${result.chainSeconds.toFixed(1)} s (${formatCount(result.chainEventsPerSecond)} events/s)`,
  );
  for (const chain of result.chains) {
    lines.push(
      `  ${chain.service.padEnd(8)} ${formatCount(chain.events).padStart(11)} events ${formatCount(chain.streams).padStart(10)} streams  ${chain.breakCount === 0 ? 'intact' : `${formatCount(chain.breakCount)} BROKEN`}`,
    );
  }
  for (const chain of result.chains) {
    for (const found of chain.breaks)
      lines.push(
        `  BROKEN ${found.service} ${found.streamId} v${found.streamVersion}${found.eventId ? ` (event ${found.eventId})` : ''}: ${found.reason}`,
      );
    if (chain.breakCount > chain.breaks.length)
      lines.push(
        `  ... and ${formatCount(chain.breakCount - chain.breaks.length)} more breaks in ${chain.service}`,
      );
  }
  if (result.kafka) {
    lines.push(`Kafka against the stores, in ${result.kafkaSeconds?.toFixed(1)} s:`);
    for (const check of result.kafka) {
      const state =
        check.issueCount === 0
          ? 'same as the store'
          : `${formatCount(check.issueCount)} DIFFERENCES`;
      lines.push(
        `  ${check.topic.padEnd(16)} ${formatCount(check.messages).padStart(11)} messages, ${formatCount(check.events)} events, ${formatCount(check.duplicates)} duplicates, ${formatCount(check.awaitingRelay)} awaiting the relay: ${state}`,
      );
    }
    for (const check of result.kafka) {
      for (const issue of check.issues) {
        const where =
          issue.partition === null ? '' : ` at ${issue.topic}[${issue.partition}]@${issue.offset}`;
        lines.push(
          `  ${issue.kind.toUpperCase()} ${issue.service} ${issue.streamId ?? '?'}${issue.streamVersion === null ? '' : ` v${issue.streamVersion}`}${issue.eventId ? ` (event ${issue.eventId})` : ''}${where}: ${issue.reason}`,
        );
      }
    }
  } else lines.push('Kafka: not checked (--no-kafka)');
  lines.push(
    result.ok
      ? 'Result: the history is intact.'
      : 'Result: the history has been altered or is incomplete (see above).',
  );
  return lines.join('\n');
}

export function replaySummary(result: ReplayResult): string {
  const { comparison } = result;
  const lines: string[] = [];
  const source = result.source === 'kafka' ? 'the Kafka event topics' : 'the event stores';
  lines.push(
    `Replayed ${formatCount(result.events)} events from ${source}${result.asOf ? ` up to ${result.asOf}` : ''} in ${result.rebuildSeconds.toFixed(1)} s (${formatCount(result.eventsPerSecond)} events/s): ${formatCount(result.entries)} entries, ${formatCount(result.lines)} lines; compared in ${result.compareSeconds.toFixed(1)} s`,
  );
  if (result.duplicates > 0)
    lines.push(
      `  ${formatCount(result.duplicates)} events were on Kafka more than once and were booked once`,
    );
  if (result.unpostableCount > 0) {
    lines.push(
      `  ${formatCount(result.unpostableCount)} events cannot be posted (the live ledger dead-letters them too):`,
    );
    for (const event of result.unpostable.slice(0, 20))
      lines.push(
        `    ${event.service} ${event.streamId} v${event.streamVersion} ${event.type} ${event.eventId}: ${event.error}`,
      );
  }
  if (comparison.postedAfterReplayBegan > 0)
    lines.push(
      `  ${formatCount(comparison.postedAfterReplayBegan)} live entries were posted after the replay began and are left out`,
    );
  const days = comparison.accountDays;
  const daysCompared = Object.values(days.comparedByKoperasi).reduce((sum, n) => sum + n, 0);
  lines.push(
    `  ${formatCount(daysCompared)} account day sums compared${days.beforeDay ? ` (the days before ${days.beforeDay}: the as-of day is partial in the rebuilt books)` : ''}`,
  );
  lines.push(
    result.schemaKept
      ? `Rebuilt books kept in schema ${result.schema}`
      : `Rebuilt books were in schema ${result.schema} (dropped; --keep-schema keeps them)`,
  );
  if (comparison.identical) {
    lines.push(
      'Result: IDENTICAL: the books rebuilt from the history equal the live books, account by account (and by day) and member by member.',
    );
    return lines.join('\n');
  }
  for (const account of comparison.accounts) {
    const sub = account.tellerId ? ` (teller ${account.tellerId})` : '';
    const live = account.liveBalance
      ? `, live balance D ${formatRupiah(account.liveBalance.debitRp)} C ${formatRupiah(account.liveBalance.creditRp)}`
      : '';
    lines.push(
      `  ACCOUNT ${account.koperasiId} ${account.accountCode}${sub}: rebuilt D ${formatRupiah(account.rebuilt.debitRp)} C ${formatRupiah(account.rebuilt.creditRp)}, live journal D ${formatRupiah(account.liveJournal.debitRp)} C ${formatRupiah(account.liveJournal.creditRp)}${live}; ${eventsText(account.eventIds)}`,
    );
  }
  for (const member of comparison.members) {
    lines.push(
      `  MEMBER ${member.koperasiId} ${member.memberId}: rebuilt ${savingsText(member.rebuilt)}, live journal ${savingsText(member.liveJournal)}, live sub-ledger ${savingsText(member.liveSubLedger)}; ${eventsText(member.eventIds)}`,
    );
  }
  for (const day of comparison.cashByTellerDay) {
    lines.push(
      `  CASH ${day.koperasiId} ${day.businessDate} teller ${day.tellerId}: rebuilt ${amountsText(day.rebuilt)}, live ${amountsText(day.live)}`,
    );
  }
  for (const day of days.differences) {
    lines.push(
      `  ACCOUNT DAY ${day.koperasiId} ${day.accountCode} ${day.businessDate}: rebuilt ${amountsText(day.rebuilt)}, live ${amountsText(day.live)}`,
    );
  }
  for (const entry of comparison.entries.listed) {
    lines.push(
      `  ENTRY for event ${entry.sourceEventId}: ${entry.kind}${entry.fields.length > 0 ? ` (${entry.fields.join(', ')})` : ''}`,
    );
  }
  const { missingInLive, extraInLive, different } = comparison.entries;
  lines.push(
    `Result: DIFFERENT: ${comparison.accounts.length} accounts, ${comparison.members.length} members, ${comparison.cashByTellerDay.length} teller days, ${days.differences.length} account days; entries ${missingInLive} missing in live, ${extraInLive} only in live, ${different} different.`,
  );
  return lines.join('\n');
}

export function shuSummary(result: ShuResult): string {
  const lines = [
    `SHU ${result.year} of koperasi ${result.koperasiId}: ${formatRupiah(result.shuRp)} (from ${formatCount(result.eventsRead)} members events)`,
    `  jasa usaha ${result.jasaUsahaPercent}% = ${formatRupiah(result.jasaUsahaPoolRp)} by transactions (all members: ${formatRupiah(result.totalTransactionsRp)})`,
    `  jasa modal ${result.jasaModalPercent}% = ${formatRupiah(result.jasaModalPoolRp)} by savings (all members: ${formatRupiah(result.totalSavingsRp)})`,
    `  not for members (reserves and other uses): ${formatRupiah(result.notForMembersRp)}`,
    '',
    `${'no'.padEnd(6)} ${'member'.padEnd(28)} ${'transactions'.padStart(16)} ${'savings'.padStart(14)} ${'jasa usaha'.padStart(14)} ${'jasa modal'.padStart(14)} ${'share'.padStart(14)}`,
    ...result.members.map(
      (member) =>
        `${member.memberNo.padEnd(6)} ${member.fullName.slice(0, 28).padEnd(28)} ${formatRupiah(member.transactionsRp).padStart(16)} ${formatRupiah(member.savingsRp).padStart(14)} ${formatRupiah(member.jasaUsahaRp).padStart(14)} ${formatRupiah(member.jasaModalRp).padStart(14)} ${formatRupiah(member.shareRp).padStart(14)}`,
    ),
    '',
    `Distributed to ${formatCount(result.members.length)} members: ${formatRupiah(result.distributedRp)}${result.undistributedRp > 0 ? `; ${formatRupiah(result.undistributedRp)} undistributed (a pool with nobody to share it by)` : ''}`,
    ...Object.entries(result.definitions).map(([term, meaning]) => `  ${term}: ${meaning}`),
  ];
  return lines.join('\n');
}

export function exportSummary(result: ExportResult, out: string): string {
  return `Exported ${formatCount(result.records)} ${result.kind} (${formatCount(result.rows)} ${result.format.toUpperCase()} rows) to ${out}`;
}

function eventsText(eventIds: string[]): string {
  return eventIds.length === 0
    ? 'no event explains it: the live running total disagrees with its own journal'
    : `events ${eventIds.join(', ')}`;
}

function savingsText(
  savings: { pokokRp: number; wajibRp: number; sukarelaRp: number } | null,
): string {
  return savings
    ? `pokok ${formatRupiah(savings.pokokRp)} wajib ${formatRupiah(savings.wajibRp)} sukarela ${formatRupiah(savings.sukarelaRp)}`
    : 'none';
}

function amountsText(amounts: { debitRp: number; creditRp: number } | null): string {
  return amounts
    ? `D ${formatRupiah(amounts.debitRp)} C ${formatRupiah(amounts.creditRp)}`
    : 'none';
}
