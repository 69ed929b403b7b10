import { Money } from '../../../components/Money';
import { formatWibDay } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { shortId } from '../shared/audit-words';
import { eventHref } from '../shared/history-links';
import type { Amounts, ReplayResult, Savings } from './replay-result';

const NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

function EventLinks({ eventIds }: { eventIds: string[] }) {
  if (eventIds.length === 0) return <span class="field__hint">{t('audit.replay.noEvent')}</span>;
  return (
    <span class="replay-events">
      {eventIds.map((eventId) => (
        <a key={eventId} href={eventHref(eventId)} title={eventId}>
          {t('audit.replay.event', { id: shortId(eventId) })}
        </a>
      ))}
    </span>
  );
}

function Net({ amounts }: { amounts: Amounts | null }) {
  return amounts === null ? <span>—</span> : <Money amountRp={amounts.debit - amounts.credit} />;
}

function SavingsLine({ savings }: { savings: Savings | null }) {
  if (savings === null) return <span>—</span>;
  return (
    <span>
      {t('audit.replay.pokok')} <Money amountRp={savings.pokok} />, {t('audit.replay.wajib')}{' '}
      <Money amountRp={savings.wajib} />, {t('audit.replay.sukarela')}{' '}
      <Money amountRp={savings.sukarela} />
    </span>
  );
}

/** The outcome: identik, or every difference with the events whose entries make it. */
export function ReplayDifferences({ result }: { result: ReplayResult }) {
  const summary = t('audit.replay.replayed', {
    events: NUMBER.format(result.eventsReplayed),
    rate: NUMBER.format(result.eventsPerSecond),
    seconds: Math.round(result.rebuildSeconds + result.compareSeconds),
  });
  if (result.identical) {
    return (
      <section class="alert alert--success" role="status" data-testid="replay-outcome">
        <p class="replay-verdict">{t('audit.replay.identical')}</p>
        <p>{summary}</p>
      </section>
    );
  }
  return (
    <section data-testid="replay-outcome">
      <div class="alert alert--error" role="alert">
        <p class="replay-verdict">{t('audit.replay.different')}</p>
        <p>{summary}</p>
      </div>
      {result.entries.listed.length > 0 && (
        <section class="card">
          <h2>
            {t('audit.replay.entries', {
              different: result.entries.different,
              missing: result.entries.missingInLive,
              extra: result.entries.extraInLive,
            })}
          </h2>
          <ul class="audit-breaks">
            {result.entries.listed.map((difference) => (
              <li key={`${difference.sourceEventId}-${difference.kind}`} class="audit-break">
                <span class="audit-break__where">{t(`audit.replay.kind.${difference.kind}`)}</span>
                {difference.fields.length > 0 && (
                  <span>{t('audit.replay.fields', { fields: difference.fields.join(', ') })}</span>
                )}
                <EventLinks eventIds={[difference.sourceEventId]} />
              </li>
            ))}
          </ul>
          {result.entries.listTruncated && <p class="field__hint">{t('audit.replay.truncated')}</p>}
        </section>
      )}
      {result.accounts.length > 0 && (
        <section class="card">
          <h2>{t('audit.replay.accounts')}</h2>
          <ul class="audit-breaks">
            {result.accounts.map((difference) => (
              <li
                key={`${difference.accountCode}-${difference.tellerId ?? ''}`}
                class="audit-break"
              >
                <span class="audit-break__where">
                  {difference.tellerId
                    ? t('audit.replay.drawer', {
                        code: difference.accountCode,
                        teller: shortId(difference.tellerId),
                      })
                    : t('audit.verify.account', { code: difference.accountCode })}
                </span>
                <span>
                  {t('audit.replay.rebuilt')} <Net amounts={difference.rebuilt} /> ·{' '}
                  {t('audit.replay.live')} <Net amounts={difference.liveJournal} />
                </span>
                <EventLinks eventIds={difference.eventIds} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.members.length > 0 && (
        <section class="card">
          <h2>{t('audit.replay.members')}</h2>
          <ul class="audit-breaks">
            {result.members.map((difference) => (
              <li key={difference.memberId} class="audit-break">
                <span class="audit-break__where" title={difference.memberId}>
                  {t('audit.replay.member', { id: shortId(difference.memberId) })}
                </span>
                <span>
                  {t('audit.replay.rebuilt')} <SavingsLine savings={difference.rebuilt} />
                </span>
                <span>
                  {t('audit.replay.live')} <SavingsLine savings={difference.liveJournal} />
                </span>
                <EventLinks eventIds={difference.eventIds} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.cashByTellerDay.length > 0 && (
        <section class="card">
          <h2>{t('audit.replay.cashDays')}</h2>
          <ul class="audit-breaks">
            {result.cashByTellerDay.map((difference) => (
              <li key={`${difference.businessDate}-${difference.tellerId}`} class="audit-break">
                <span class="audit-break__where">
                  {t('audit.replay.cashDay', {
                    day: formatWibDay(difference.businessDate),
                    teller: shortId(difference.tellerId),
                  })}
                </span>
                <span>
                  {t('audit.replay.rebuilt')} <Net amounts={difference.rebuilt} /> ·{' '}
                  {t('audit.replay.live')} <Net amounts={difference.live} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
