import { isCalendarDay } from '@koperasi/domain';
import { useState } from 'preact/hooks';
import { api, type ApiSchemas } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { ReceiptPanel } from '../../components/ReceiptPanel';
import { TextField } from '../../components/TextField';
import { useLoad } from '../../components/use-load';
import { formatWibDay, wibToday } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { fetchAuditFile, saveFile } from '../audit/shared/audit-download';

type RecapPart = ApiSchemas['RecapPartResponse'];

/**
 * Rekap harian: a day's count and rupiah per product and kind, fees and refunds; a supervisor sees every
 * teller and the koperasi's total, a teller their own. Prints on the 58 mm roll, on A4 or as CSV.
 */
export function DailyRecapScreen() {
  const [typed, setTyped] = useState(wibToday());
  const [date, setDate] = useState(wibToday());
  const [dateError, setDateError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const recap = useLoad(
    (signal) => api.get('/api/v1/counter/recap', { query: { date }, signal }),
    [date],
  );

  const show = () => {
    if (!isCalendarDay(typed)) {
      setDateError(t('recap.badDay'));
      return;
    }
    setDateError(null);
    if (typed === date) recap.reload();
    else setDate(typed);
  };
  const download = async (format: 'csv' | 'html') => {
    setDownloadError(null);
    try {
      saveFile(
        await fetchAuditFile(
          '/api/v1/counter/recap/export',
          { date, format },
          `rekap-harian-${date}.${format}`,
        ),
      );
    } catch (error) {
      setDownloadError(describeError(error));
    }
  };

  const data = recap.data;
  return (
    <div class="recap-screen">
      <PageTitle>{t('recap.title')}</PageTitle>
      <Form onSubmit={show} class="recon-form" aria-label={t('recap.dayForm')}>
        <TextField
          id="recap-date"
          type="date"
          label={t('recap.day')}
          value={typed}
          onValue={setTyped}
          error={dateError}
          max={wibToday()}
        />
        <button type="submit" class="button" disabled={recap.loading}>
          {t('recap.show')}
        </button>
      </Form>
      <ErrorMessage message={recap.error} />
      {recap.loading && !data && <p role="status">{t('app.loading')}</p>}
      {data && (
        <>
          <p class="recon-date">{formatWibDay(data.date)}</p>
          {data.truncated && <p class="alert alert--warning">{t('recap.truncated')}</p>}
          <div class="statements-actions">
            <button type="button" class="button" onClick={() => void download('html')}>
              {t('statements.downloadA4')}
            </button>
            <button type="button" class="button" onClick={() => void download('csv')}>
              {t('statements.downloadCsv')}
            </button>
          </div>
          <ErrorMessage message={downloadError} />
          <ReceiptPanel key={data.receiptId} kind="rekap" id={data.receiptId} />
          {data.tellers.length === 0 && <p class="alert alert--info">{t('recap.none')}</p>}
          {data.tellers.map((teller) => (
            <RecapTable
              key={teller.tellerId}
              title={t('recap.teller', { name: teller.tellerName })}
              part={teller}
              testId={`recap-teller-${teller.tellerId}`}
            />
          ))}
          {data.koperasi && (
            <RecapTable title={t('recap.koperasi')} part={data.koperasi} testId="recap-koperasi" />
          )}
        </>
      )}
    </div>
  );
}

function RecapTable({ title, part, testId }: { title: string; part: RecapPart; testId: string }) {
  const columns = {
    count: t('recap.count'),
    in: t('recap.in'),
    out: t('recap.out'),
    fee: t('recap.fee'),
  };
  return (
    <section class="card recap-part" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <table class="supervisor-table">
        <thead>
          <tr>
            <th scope="col">{t('recap.product')}</th>
            <th scope="col" class="num">
              {columns.count}
            </th>
            <th scope="col" class="num">
              {columns.in}
            </th>
            <th scope="col" class="num">
              {columns.out}
            </th>
            <th scope="col" class="num">
              {columns.fee}
            </th>
          </tr>
        </thead>
        <tbody>
          {part.lines.map((line) => (
            <tr key={`${line.kind}-${line.product}`}>
              <td>
                <span class="cell-main">{line.productName}</span>
              </td>
              <td class="num" data-label={columns.count}>
                {line.count}
              </td>
              <td class="num" data-label={columns.in}>
                <Money amountRp={line.in} />
              </td>
              <td class="num" data-label={columns.out}>
                <Money amountRp={line.out} />
              </td>
              <td class="num" data-label={columns.fee}>
                <Money amountRp={line.fee} />
              </td>
            </tr>
          ))}
          <tr class="recap-total">
            <td>
              <span class="cell-main">{t('recap.total')}</span>
            </td>
            <td class="num" data-label={columns.count}>
              {part.totals.count}
            </td>
            <td class="num" data-label={columns.in}>
              <Money amountRp={part.totals.in} />
            </td>
            <td class="num" data-label={columns.out}>
              <Money amountRp={part.totals.out} />
            </td>
            <td class="num" data-label={columns.fee}>
              <Money amountRp={part.totals.fee} />
            </td>
          </tr>
        </tbody>
      </table>
      <p class="recap-net" data-testid={`${testId}-net`}>
        {t('recap.net')} <Money amountRp={part.totals.net} />
      </p>
    </section>
  );
}
