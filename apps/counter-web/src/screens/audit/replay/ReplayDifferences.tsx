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

interface AmountDifference {
  key: string;
  where: string;
  rebuilt: Amounts | null;
  live: Amounts | null;
}

/** Sums that differ with nothing but their place to name (a teller's day, an account's day): rebuilt beside live. */
function AmountDifferences({ title, rows }: { title: string; rows: AmountDifference[] }) {
  if (rows.length === 0) return null;
  return (
    <section class="card">
      <h2>{title}</h2>
      <ul class="audit-breaks">
        {rows.map((row) => (
          <li key={row.key} class="audit-break">
            <span class="audit-break__where">{row.where}</span>
            <span>
              {t('audit.replay.rebuilt')} <Net amounts={row.rebuilt} /> · {t('audit.replay.live')}{' '}
              <Net amounts={row.live} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How many of the day sums (what the as-of reports read) were compared, and how many differ. */
function AccountDaysLine({ accountDays }: { accountDays: ReplayResult['accountDays'] }) {
  return (
    <p data-testid="replay-account-days">
      {t('audit.replay.accountDaysCompared', {
        compared: NUMBER.format(accountDays.compared),
        different: NUMBER.format(accountDays.differences.length),
      })}
    </p>
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
        <AccountDaysLine accountDays={result.accountDays} />
      </section>
    );
  }
  return (
    <section data-testid="replay-outcome">
      <div class="alert alert--error" role="alert">
        <p class="replay-verdict">{t('audit.replay.different')}</p>
        <p>{summary}</p>
        <AccountDaysLine accountDays={result.accountDays} />
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
      <AmountDifferences
        title={t('audit.replay.cashDays')}
        rows={result.cashByTellerDay.map((difference) => ({
          key: `${difference.businessDate}-${difference.tellerId}`,
          where: t('audit.replay.cashDay', {
            day: formatWibDay(difference.businessDate),
            teller: shortId(difference.tellerId),
          }),
          rebuilt: difference.rebuilt,
          live: difference.live,
        }))}
      />
      <AmountDifferences
        title={t('audit.replay.accountDays')}
        rows={result.accountDays.differences.map((difference) => ({
          key: `${difference.businessDate}-${difference.accountCode}`,
          where: t('audit.replay.accountDay', {
            day: formatWibDay(difference.businessDate),
            code: difference.accountCode,
          }),
          rebuilt: difference.rebuilt,
          live: difference.live,
        }))}
      />
    </section>
  );
}
