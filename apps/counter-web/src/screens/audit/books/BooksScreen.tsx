import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Form } from '../../../components/Form';
import { PageTitle } from '../../../components/PageTitle';
import { TextField } from '../../../components/TextField';
import { useLoad } from '../../../components/use-load';
import { wibToday } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { auditKoperasiId, auditScopeQuery, isCityAuditor } from '../shared/audit-koperasi';
import { isCalendarDay } from '@koperasi/domain';
import { isTime, wibInstant, wibTimeNow } from '../shared/wib-input';
import { AccountEntries } from './AccountEntries';
import { booksHref } from './books-href';
import { TrialBalanceTable } from './TrialBalanceTable';

/**
 * Buku: the trial balance as the books stood at any WIB date and time (every entry whose event occurred by
 * then), each account opening to its entries, each entry to its trace.
 */
export function BooksScreen() {
  const { query, route } = useLocation();
  const day = query.day && isCalendarDay(query.day) ? query.day : wibToday();
  const time = query.time && isTime(query.time) ? query.time : wibTimeNow();
  const account = query.account ?? null;
  const [typedDay, setTypedDay] = useState(day);
  const [typedTime, setTypedTime] = useState(time);
  const [errors, setErrors] = useState<{ day?: string; time?: string }>({});
  const asOf = wibInstant(day, time);
  // Books are kept per koperasi: a city auditor reads the one chosen above the screen.
  const needsChoice = isCityAuditor.value && auditKoperasiId.value === null;
  const balance = useLoad(
    (signal) =>
      needsChoice
        ? Promise.resolve(null)
        : api.get('/api/v1/audit/trial-balance', { query: { asOf, ...auditScopeQuery() }, signal }),
    [asOf, needsChoice],
  );

  const submit = () => {
    const found = {
      day: isCalendarDay(typedDay) ? undefined : t('audit.history.badDay'),
      time: isTime(typedTime) ? undefined : t('audit.history.badTime'),
    };
    setErrors(found);
    if (found.day || found.time) return;
    route(booksHref(typedDay, typedTime, account ?? undefined));
  };

  return (
    <div class="audit-screen">
      <PageTitle>{t('audit.books.title')}</PageTitle>
      <p>
        <a href="/audit/laporan">{t('statements.booksLink')}</a>
      </p>
      <Form onSubmit={submit} class="books-form" aria-label={t('audit.books.asOfForm')}>
        <TextField
          id="books-day"
          type="date"
          label={t('audit.books.day')}
          value={typedDay}
          onValue={setTypedDay}
          error={errors.day}
        />
        <TextField
          id="books-time"
          type="time"
          label={t('audit.books.time')}
          value={typedTime}
          onValue={setTypedTime}
          error={errors.time}
        />
        <button type="submit" class="button button--primary">
          {t('audit.books.show')}
        </button>
      </Form>
      {balance.loading && !balance.data && <p role="status">{t('app.loading')}</p>}
      {needsChoice && <p class="alert alert--info">{t('audit.books.cityAuditor')}</p>}
      <ErrorMessage message={balance.error} />
      {balance.data && (
        <TrialBalanceTable balance={balance.data} day={day} time={time} openAccount={account} />
      )}
      {account && balance.data && (
        <AccountEntries
          accountCode={account}
          accountName={balance.data.lines.find((line) => line.code === account)?.name ?? ''}
          day={day}
          time={time}
        />
      )}
    </div>
  );
}
