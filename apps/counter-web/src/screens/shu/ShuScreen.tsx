import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError } from '../../api/api-error';
import { api, type ApiSchemas } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { TextField } from '../../components/TextField';
import { useLoad } from '../../components/use-load';
import { wibToday } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { currentUser, isSupervisor } from '../../session/session';
import { fetchAuditFile, saveFile } from '../audit/shared/audit-download';
import { AllocationForm } from './AllocationForm';
import { BookDistributionCard } from './BookDistributionCard';

type Allocation = ApiSchemas['ShuAllocationRequest'];

const YEAR = /^\d{4}$/;

/**
 * SHU: the year's surplus divided by the koperasi's AD/ART percentages, each member's share by savings and by
 * transactions, a slip per member. An auditor reads; a supervisor also sets the percentages.
 */
export function ShuScreen() {
  const { path, query, route } = useLocation();
  const year = query.year && YEAR.test(query.year) ? query.year : wibToday().slice(0, 4);
  const [typedYear, setTypedYear] = useState(year);
  const [yearError, setYearError] = useState<string | undefined>();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  /** Said above the form, which is built again from the saved percentages once they are read back. */
  const [saved, setSaved] = useState(false);
  const cityAuditor = currentUser.value?.koperasiId === null;
  const allocation = useLoad(
    (signal) =>
      cityAuditor
        ? Promise.resolve(null)
        : api
            .get('/api/v1/shu/allocation', { signal })
            .catch((error: unknown) =>
              error instanceof ApiError && error.status === 404 ? null : Promise.reject(error),
            ),
    [cityAuditor, round],
  );
  const shu = useLoad(
    (signal) =>
      cityAuditor
        ? Promise.resolve(null)
        : api
            .get('/api/v1/shu/{year}', { path: { year }, signal })
            .catch((error: unknown) => Promise.reject(new Error(describeShuError(error)))),
    [year, cityAuditor, round],
  );

  const submit = () => {
    if (!YEAR.test(typedYear)) return setYearError(t('shu.badYear'));
    setYearError(undefined);
    route(`${path}?year=${typedYear}`);
  };
  const download = async (file: Promise<{ blob: Blob; fileName: string }>) => {
    setDownloadError(null);
    try {
      saveFile(await file);
    } catch (error) {
      setDownloadError(describeError(error));
    }
  };

  return (
    <div class="shu-screen">
      <PageTitle>{t('shu.title')}</PageTitle>
      {cityAuditor && <p class="alert alert--info">{t('audit.books.cityAuditor')}</p>}
      <Form onSubmit={submit} class="books-form" aria-label={t('shu.yearForm')}>
        <TextField
          id="shu-year"
          inputMode="numeric"
          label={t('shu.year')}
          value={typedYear}
          onValue={setTypedYear}
          error={yearError}
        />
        <button type="submit" class="button button--primary">
          {t('shu.show')}
        </button>
      </Form>

      <section class="card" aria-labelledby="shu-allocation-title" data-testid="shu-allocation">
        <h2 id="shu-allocation-title">{t('shu.allocationTitle')}</h2>
        <ErrorMessage message={allocation.error} />
        {!allocation.loading && !allocation.error && !allocation.data && <p>{t('shu.notSet')}</p>}
        {allocation.data && <AllocationList allocation={allocation.data.allocation} />}
        {saved && (
          <p class="alert alert--success" role="status">
            {t('shu.form.saved')}
          </p>
        )}
        {isSupervisor.value && !allocation.loading && (
          <AllocationForm
            current={allocation.data?.allocation ?? null}
            onSaved={() => {
              setSaved(true);
              setRound((value) => value + 1);
            }}
          />
        )}
      </section>

      <section aria-labelledby="shu-result-title">
        <h2 id="shu-result-title">{t('shu.resultTitle', { year })}</h2>
        {shu.loading && !shu.data && <p role="status">{t('app.loading')}</p>}
        {shu.error && (
          <p class="alert alert--info" role="status">
            {shu.error}
          </p>
        )}
        {shu.data && (
          <>
            <p class="figure" data-testid="shu-surplus">
              {t('shu.surplus')} <Money amountRp={shu.data.surplus} />
            </p>
            <div class="statements-actions">
              <button
                type="button"
                class="button"
                onClick={() =>
                  void download(
                    fetchAuditFile(
                      `/api/v1/shu/${year}/export`,
                      { format: 'csv' },
                      `shu-${year}.csv`,
                    ),
                  )
                }
              >
                {t('statements.downloadCsv')}
              </button>
              <button
                type="button"
                class="button"
                onClick={() =>
                  void download(
                    fetchAuditFile(
                      `/api/v1/shu/${year}/export`,
                      { format: 'html' },
                      `shu-${year}.html`,
                    ),
                  )
                }
              >
                {t('statements.downloadA4')}
              </button>
            </div>
            <ErrorMessage message={downloadError} />
            <div class="table-wrap">
              <table class="statement-table" data-testid="shu-pools">
                <caption>{t('shu.pools')}</caption>
                <tbody>
                  {shu.data.pools.map((pool) => (
                    <tr key={`${pool.key}-${pool.name}`}>
                      <th scope="row">
                        {pool.name} ({pool.percent}%)
                      </th>
                      <td class="num">
                        <Money amountRp={pool.amount} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div class="table-wrap">
              <table class="audit-table" data-testid="shu-members">
                <caption>{t('shu.members')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('shu.member')}</th>
                    <th scope="col" class="num">
                      {t('shu.transactions')}
                    </th>
                    <th scope="col" class="num">
                      {t('shu.savings')}
                    </th>
                    <th scope="col" class="num">
                      {t('shu.jasaUsaha')}
                    </th>
                    <th scope="col" class="num">
                      {t('shu.jasaModal')}
                    </th>
                    <th scope="col" class="num">
                      {t('shu.share')}
                    </th>
                    <th scope="col">{t('shu.slip')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shu.data.members.map((member) => (
                    <tr key={member.memberId}>
                      <td data-label={t('shu.member')}>
                        <span class="cell-ref">{member.memberNo}</span> {member.fullName}
                      </td>
                      <td class="num" data-label={t('shu.transactions')}>
                        <Money amountRp={member.transactions} />
                      </td>
                      <td class="num" data-label={t('shu.savings')}>
                        <Money amountRp={member.savings} />
                      </td>
                      <td class="num" data-label={t('shu.jasaUsaha')}>
                        <Money amountRp={member.jasaUsaha} />
                      </td>
                      <td class="num" data-label={t('shu.jasaModal')}>
                        <Money amountRp={member.jasaModal} />
                      </td>
                      <td class="num" data-label={t('shu.share')}>
                        <Money amountRp={member.share} />
                      </td>
                      <td data-label={t('shu.slip')}>
                        <button
                          type="button"
                          class="button button--ghost"
                          aria-label={t('shu.slipFor', { name: member.fullName })}
                          onClick={() =>
                            void download(
                              fetchAuditFile(
                                `/api/v1/shu/${year}/members/${member.memberId}/slip`,
                                {},
                                `slip-shu-${year}-${member.memberNo}.html`,
                              ),
                            )
                          }
                        >
                          {t('shu.slip')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('shu.total')}</th>
                    <td class="num" data-label={t('shu.transactions')}>
                      <Money amountRp={shu.data.totalTransactions} />
                    </td>
                    <td class="num" data-label={t('shu.savings')}>
                      <Money amountRp={shu.data.totalSavings} />
                    </td>
                    <td class="num" data-label={t('shu.jasaUsaha')}>
                      <Money
                        amountRp={shu.data.members.reduce(
                          (sum, member) => sum + member.jasaUsaha,
                          0,
                        )}
                      />
                    </td>
                    <td class="num" data-label={t('shu.jasaModal')}>
                      <Money
                        amountRp={shu.data.members.reduce(
                          (sum, member) => sum + member.jasaModal,
                          0,
                        )}
                      />
                    </td>
                    <td class="num" data-label={t('shu.share')}>
                      <Money amountRp={shu.data.distributed} />
                    </td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
            <BookDistributionCard shu={shu.data} onBooked={shu.reload} />
          </>
        )}
      </section>
    </div>
  );
}

function AllocationList({ allocation }: { allocation: Allocation }) {
  const rows: [string, number][] = [
    [t('shu.cadangan'), allocation.cadanganPercent],
    [t('shu.jasaModal'), allocation.jasaModalPercent],
    [t('shu.jasaUsaha'), allocation.jasaUsahaPercent],
    ...(allocation.others ?? []).map((other): [string, number] => [other.name, other.percent]),
  ];
  return (
    <ul class="allocation-list">
      {rows.map(([name, percent]) => (
        <li key={name}>
          {name}: {percent}%
        </li>
      ))}
    </ul>
  );
}

function describeShuError(error: unknown): string {
  return describeError(error, {
    NOT_FOUND: () => t('shu.notSetForYear'),
    UNPROCESSABLE: () => t('shu.noSurplus'),
  });
}
