import { useState } from 'preact/hooks';
import { api } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { PageTitle } from '../../components/PageTitle';
import { TextField } from '../../components/TextField';
import { useLoad } from '../../components/use-load';
import { formatWibDateTime, wibToday } from '../../format/wib';
import { t } from '../../i18n/i18n';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Tutup buku: the supervisor closes a month, in order and for good; the months closed so far with who and when. */
export function PeriodClosingScreen() {
  const closings = useLoad((signal) => api.get('/api/v1/ledger/period-closings', { signal }), []);
  const [month, setMonth] = useState(wibToday().slice(0, 7));
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setNotice(null);
    setFailure(null);
    if (!MONTH.test(month.trim())) return setError(t('closing.badMonth'));
    setError(undefined);
    setBusy(true);
    try {
      const closed = await api.put('/api/v1/ledger/period-closings/{month}', {
        path: { month: month.trim() },
      });
      setNotice(t('closing.closed', { month: closed.month }));
      closings.reload();
    } catch (problem) {
      const refused = () => t('closing.refused');
      setFailure(
        describeError(problem, {
          MONTH_NOT_BEGUN: refused,
          MONTH_OUT_OF_ORDER: refused,
          MONTH_ALREADY_CLOSED: refused,
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="supervisor-screen">
      <PageTitle>{t('closing.title')}</PageTitle>
      <p>{t('closing.intro')}</p>
      <Form onSubmit={submit} class="books-form" aria-label={t('closing.title')}>
        <TextField
          id="closing-month"
          label={t('closing.month')}
          hint={t('closing.monthHint')}
          value={month}
          onValue={setMonth}
          error={error}
          disabled={busy}
        />
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('closing.close')}
        </button>
      </Form>
      {notice && (
        <p class="alert alert--success" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage message={failure} />
      <section aria-labelledby="closings-title">
        <h2 id="closings-title">{t('closing.listTitle')}</h2>
        <ErrorMessage message={closings.error} />
        {closings.data && closings.data.length === 0 && <p>{t('closing.none')}</p>}
        {closings.data && closings.data.length > 0 && (
          <table class="statement-table" data-testid="closings">
            <thead>
              <tr>
                <th scope="col">{t('closing.month')}</th>
                <th scope="col">{t('closing.closedAt')}</th>
                <th scope="col">{t('closing.closedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {closings.data.map((closing) => (
                <tr key={closing.month}>
                  <td>{closing.month}</td>
                  <td>{formatWibDateTime(closing.closedAt)}</td>
                  <td>{closing.closedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
