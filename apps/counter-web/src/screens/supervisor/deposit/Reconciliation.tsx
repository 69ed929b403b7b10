import { useState } from 'preact/hooks';
import { api, type ApiSchemas } from '../../../api/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Form } from '../../../components/Form';
import { Money } from '../../../components/Money';
import { TextField } from '../../../components/TextField';
import { useLoad } from '../../../components/use-load';
import { formatWibDay, wibToday } from '../../../format/wib';
import { t, type MessageKey } from '../../../i18n/i18n';

type Difference = ApiSchemas['ReconciliationDifferenceResponse'];
type Side = ApiSchemas['ReconciliationSideResponse'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function amountOrDash(amount: number | null) {
  return amount === null ? '—' : <Money amountRp={amount} />;
}

/** The day's deposit movements against the aggregator's statement, summarized; each difference listed. */
export function Reconciliation() {
  const [typed, setTyped] = useState(wibToday());
  const [date, setDate] = useState(wibToday());
  const [dateError, setDateError] = useState<string | null>(null);
  const recon = useLoad(
    (signal) => api.get('/api/v1/billpay/reconciliation', { query: { date }, signal }),
    [date],
  );

  const show = () => {
    if (!DATE.test(typed) || Number.isNaN(Date.parse(`${typed}T00:00:00Z`))) {
      setDateError(t('supervisor.deposit.reconDateInvalid'));
      return;
    }
    setDateError(null);
    if (typed === date) recon.reload();
    else setDate(typed);
  };

  const data = recon.data;
  return (
    <section class="card" aria-labelledby="recon-title">
      <h2 id="recon-title">{t('supervisor.deposit.reconTitle')}</h2>
      <Form onSubmit={show} class="recon-form" aria-label={t('supervisor.deposit.reconTitle')}>
        <TextField
          id="recon-date"
          type="date"
          label={t('supervisor.deposit.reconDate')}
          value={typed}
          onValue={setTyped}
          error={dateError}
          max={wibToday()}
        />
        <button type="submit" class="button" disabled={recon.loading}>
          {t('supervisor.deposit.reconShow')}
        </button>
      </Form>
      {recon.error && <ErrorMessage message={recon.error} />}
      {recon.loading && !data && <p role="status">{t('app.loading')}</p>}
      {data && (
        <div data-testid="reconciliation">
          <p class="recon-date">{formatWibDay(data.date)}</p>
          <BalancesTable ours={data.ours} theirs={data.theirs} />
          <p class="field__hint">{t('supervisor.deposit.reconSharedNote')}</p>
          <dl class="summary">
            <dt>{t('supervisor.deposit.reconMatched')}</dt>
            <dd>{data.matched}</dd>
            <dt>{t('supervisor.deposit.reconDifferences')}</dt>
            <dd>{data.differences.length}</dd>
          </dl>
          {data.differences.length === 0 ? (
            <p class="alert alert--success">{t('supervisor.deposit.reconOk')}</p>
          ) : (
            <>
              <p class="alert alert--warning">
                {t('supervisor.deposit.reconNotOk', { count: data.differences.length })}
              </p>
              <DifferencesTable differences={data.differences} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** Opening, this koperasi's movement and closing side by side, so ours and the aggregator's compare like with like. */
function BalancesTable({ ours, theirs }: { ours: Side; theirs: Side }) {
  const rows: [MessageKey, keyof Side][] = [
    ['supervisor.deposit.reconOpening', 'opening'],
    ['supervisor.deposit.reconMovement', 'movement'],
    ['supervisor.deposit.reconClosing', 'closing'],
  ];
  return (
    <div class="table-wrap">
      <table class="supervisor-table" data-testid="reconciliation-balances">
        <caption class="visually-hidden">{t('supervisor.deposit.reconBalancesLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supervisor.deposit.reconBalance')}</th>
            <th scope="col" class="num">
              {t('supervisor.deposit.reconOursAmount')}
            </th>
            <th scope="col" class="num">
              {t('supervisor.deposit.reconTheirsAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, field]) => (
            <tr key={field}>
              <th scope="row">{t(label)}</th>
              <td class="num" data-label={t('supervisor.deposit.reconOursAmount')}>
                <Money amountRp={ours[field]} />
              </td>
              <td class="num" data-label={t('supervisor.deposit.reconTheirsAmount')}>
                <Money amountRp={theirs[field]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DifferencesTable({ differences }: { differences: Difference[] }) {
  return (
    <div class="table-wrap">
      <table class="supervisor-table">
        <caption class="visually-hidden">{t('supervisor.deposit.reconTableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supervisor.deposit.reconKind')}</th>
            <th scope="col">{t('supervisor.deposit.reconRef')}</th>
            <th scope="col" class="num">
              {t('supervisor.deposit.reconOursAmount')}
            </th>
            <th scope="col" class="num">
              {t('supervisor.deposit.reconTheirsAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {differences.map((difference) => (
            <tr key={`${difference.kind}-${difference.ref}`}>
              <td data-label={t('supervisor.deposit.reconKind')}>
                {t(`supervisor.deposit.recon.${difference.kind}` as MessageKey)}
              </td>
              <td class="cell-ref" data-label={t('supervisor.deposit.reconRef')}>
                {difference.ref}
              </td>
              <td class="num" data-label={t('supervisor.deposit.reconOursAmount')}>
                {amountOrDash(difference.ours)}
              </td>
              <td class="num" data-label={t('supervisor.deposit.reconTheirsAmount')}>
                {amountOrDash(difference.theirs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
