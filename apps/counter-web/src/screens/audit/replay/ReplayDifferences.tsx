import { Money } from '../../../components/Money';
import { formatWibDay } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { booksHref } from '../books/books-href';
import { shortId } from '../shared/audit-words';
import { EntryDifferences } from './EntryDifferences';
import { EventLinks } from './EventLinks';
import { SumDifference } from './SumDifference';
import { differenceCount, type ReplayResult, type Savings } from './replay-result';

const NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

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
  // Jobs finished before the result named its accounts show the codes alone.
  const account = (code: string) => {
    const name = result.accountNames?.[code];
    return name ? `${code} ${name}` : code;
  };
  return (
    <section data-testid="replay-outcome">
      <div class="alert alert--error" role="alert">
        <p class="replay-verdict">
          {t('audit.replay.different', { count: NUMBER.format(differenceCount(result)) })}
        </p>
        <p>{summary}</p>
        <AccountDaysLine accountDays={result.accountDays} />
      </div>
      <p class="field__hint">{t('audit.replay.differenceMeans')}</p>
      {result.accounts.length > 0 && (
        <section class="card">
          <h2>{t('audit.replay.accounts')}</h2>
          <ul class="audit-breaks">
            {result.accounts.map((difference) => {
              const where = difference.tellerId
                ? t('audit.replay.drawer', {
                    account: account(difference.accountCode),
                    teller: shortId(difference.tellerId),
                  })
                : account(difference.accountCode);
              return (
                <SumDifference
                  key={`${difference.accountCode}-${difference.tellerId ?? ''}`}
                  where={where}
                  rebuilt={difference.rebuilt}
                  live={difference.liveJournal}
                  testId="replay-account"
                >
                  <EventLinks eventIds={difference.eventIds} />
                </SumDifference>
              );
            })}
          </ul>
        </section>
      )}
      {result.accountDays.differences.length > 0 && (
        <section class="card">
          <h2>{t('audit.replay.accountDays')}</h2>
          <ul class="audit-breaks">
            {result.accountDays.differences.map((difference) => {
              const day = formatWibDay(difference.businessDate);
              const where = t('audit.replay.accountDay', {
                day,
                account: account(difference.accountCode),
              });
              return (
                <SumDifference
                  key={`${difference.businessDate}-${difference.accountCode}`}
                  where={where}
                  rebuilt={difference.rebuilt}
                  live={difference.live}
                  testId="replay-account-day"
                >
                  {/* A day sum keeps no events: its entries (each tracing to its event) are in the ledger. */}
                  <a href={booksHref(difference.businessDate, '23:59', difference.accountCode)}>
                    {t('audit.replay.ledgerOfDay', { code: difference.accountCode, day })}
                  </a>
                </SumDifference>
              );
            })}
          </ul>
        </section>
      )}
      <EntryDifferences entries={result.entries} />
      {result.members.length > 0 && (
        <section class="card">
          <h2>{t('audit.replay.members')}</h2>
          <ul class="audit-breaks">
            {result.members.map((difference) => (
              <li key={difference.memberId} class="audit-break">
                <h3 class="audit-break__where" title={difference.memberId}>
                  {t('audit.replay.member', { id: shortId(difference.memberId) })}
                </h3>
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
              <SumDifference
                key={`${difference.businessDate}-${difference.tellerId}`}
                where={t('audit.replay.cashDay', {
                  day: formatWibDay(difference.businessDate),
                  teller: shortId(difference.tellerId),
                })}
                rebuilt={difference.rebuilt}
                live={difference.live}
              />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
