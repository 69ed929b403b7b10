import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { isCalendarDay } from '@koperasi/domain';
import { api, type ApiSchemas } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { TextField } from '../../components/TextField';
import { useLoad } from '../../components/use-load';
import { wibToday } from '../../format/wib';
import { t, type MessageKey } from '../../i18n/i18n';
import { currentUser } from '../../session/session';
import { fetchAuditFile, saveFile } from '../audit/shared/audit-download';

type Statements = ApiSchemas['FinancialStatementsResponse'];
type Section = ApiSchemas['FinancialStatementSectionResponse'];

const TABS = ['posisi-keuangan', 'hasil-usaha', 'perubahan-ekuitas', 'arus-kas'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, MessageKey> = {
  'posisi-keuangan': 'statements.tab.position',
  'hasil-usaha': 'statements.tab.result',
  'perubahan-ekuitas': 'statements.tab.equity',
  'arus-kas': 'statements.tab.cashFlows',
};

/**
 * Laporan keuangan for the RAT: the four statements over a period of WIB days, from the journal alone, each
 * downloadable as CSV or as an A4 page to print. Supervisors and auditors of the koperasi; nothing here writes.
 */
export function StatementsScreen() {
  const { path, query, route } = useLocation();
  const to = query.to && isCalendarDay(query.to) ? query.to : wibToday();
  const from =
    query.from && isCalendarDay(query.from) && query.from <= to
      ? query.from
      : `${to.slice(0, 8)}01`;
  const tab: Tab = (TABS as readonly string[]).includes(query.tab ?? '')
    ? (query.tab as Tab)
    : 'posisi-keuangan';
  const [typedFrom, setTypedFrom] = useState(from);
  const [typedTo, setTypedTo] = useState(to);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const cityAuditor = currentUser.value?.koperasiId === null;
  const loaded = useLoad(
    (signal) =>
      cityAuditor
        ? Promise.resolve(null)
        : api.get('/api/v1/ledger/statements', { query: { from, to }, signal }),
    [from, to, cityAuditor],
  );

  const href = (next: { from: string; to: string; tab: Tab }) =>
    `${path}?${new URLSearchParams(next)}`;
  const submit = () => {
    const found = {
      from: isCalendarDay(typedFrom) ? undefined : t('statements.badDay'),
      to: !isCalendarDay(typedTo)
        ? t('statements.badDay')
        : isCalendarDay(typedFrom) && typedTo < typedFrom
          ? t('statements.toBeforeFrom')
          : undefined,
    };
    setErrors(found);
    if (found.from || found.to) return;
    route(href({ from: typedFrom, to: typedTo, tab }));
  };
  const download = async (format: 'csv' | 'html') => {
    setDownloadError(null);
    try {
      saveFile(
        await fetchAuditFile(
          `/api/v1/ledger/statements/${tab}/export`,
          { from, to, format },
          `${tab}-${from}-${to}.${format}`,
        ),
      );
    } catch (error) {
      setDownloadError(describeError(error));
    }
  };

  return (
    <div class="statements-screen">
      <PageTitle>{t('statements.title')}</PageTitle>
      <Form onSubmit={submit} class="books-form" aria-label={t('statements.periodForm')}>
        <TextField
          id="statements-from"
          type="date"
          label={t('statements.from')}
          value={typedFrom}
          onValue={setTypedFrom}
          error={errors.from}
        />
        <TextField
          id="statements-to"
          type="date"
          label={t('statements.to')}
          value={typedTo}
          onValue={setTypedTo}
          error={errors.to}
        />
        <button type="submit" class="button button--primary">
          {t('statements.show')}
        </button>
      </Form>
      {cityAuditor && <p class="alert alert--info">{t('audit.books.cityAuditor')}</p>}
      <nav class="tabs" aria-label={t('statements.tabs')}>
        {TABS.map((name) => (
          <a
            key={name}
            class="tabs__tab"
            href={href({ from, to, tab: name })}
            aria-current={name === tab ? 'page' : undefined}
          >
            {t(TAB_LABEL[name])}
          </a>
        ))}
      </nav>
      <div class="statements-actions">
        <button type="button" class="button" onClick={() => void download('csv')}>
          {t('statements.downloadCsv')}
        </button>
        <button type="button" class="button" onClick={() => void download('html')}>
          {t('statements.downloadA4')}
        </button>
      </div>
      <ErrorMessage message={downloadError} />
      {loaded.loading && !loaded.data && <p role="status">{t('app.loading')}</p>}
      <ErrorMessage message={loaded.error} />
      {loaded.data && <StatementView tab={tab} statements={loaded.data} />}
    </div>
  );
}

function StatementView({ tab, statements }: { tab: Tab; statements: Statements }) {
  switch (tab) {
    case 'posisi-keuangan': {
      const position = statements.financialPosition;
      const balanced = position.assets.total === position.liabilitiesAndEquity;
      return (
        <section aria-labelledby="statement-title" data-testid="statement">
          <h2 id="statement-title">{t('statements.positionAt', { day: statements.to })}</h2>
          <p class={`alert ${balanced ? 'alert--success' : 'alert--error'}`} role="status">
            {balanced ? t('statements.balanced') : t('statements.unbalanced')}
          </p>
          <AmountTable
            sections={[
              {
                title: t('statements.assets'),
                section: position.assets,
                total: t('statements.totalAssets'),
              },
              {
                title: t('statements.liabilities'),
                section: position.liabilities,
                total: t('statements.totalLiabilities'),
              },
              {
                title: t('statements.equity'),
                section: position.equity,
                total: t('statements.totalEquity'),
              },
            ]}
            grandTotal={{
              label: t('statements.totalLiabilitiesAndEquity'),
              amount: position.liabilitiesAndEquity,
            }}
          />
        </section>
      );
    }
    case 'hasil-usaha': {
      const result = statements.operatingResult;
      return (
        <section aria-labelledby="statement-title" data-testid="statement">
          <h2 id="statement-title">
            {t('statements.resultFor', { from: statements.from, to: statements.to })}
          </h2>
          <AmountTable
            sections={[
              {
                title: t('statements.memberIncome'),
                section: result.memberIncome,
                total: t('statements.totalMemberIncome'),
              },
              {
                title: t('statements.nonMemberIncome'),
                section: result.nonMemberIncome,
                total: t('statements.totalNonMemberIncome'),
              },
              {
                title: t('statements.expenses'),
                section: result.expenses,
                total: t('statements.totalExpenses'),
              },
            ]}
            grandTotal={{ label: t('statements.surplus'), amount: result.surplus }}
          />
        </section>
      );
    }
    case 'perubahan-ekuitas': {
      const changes = statements.equityChanges;
      return (
        <section aria-labelledby="statement-title" data-testid="statement">
          <h2 id="statement-title">
            {t('statements.equityFor', { from: statements.from, to: statements.to })}
          </h2>
          <div class="table-wrap">
            <table class="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('statements.component')}</th>
                  <th scope="col" class="num">
                    {t('statements.opening')}
                  </th>
                  <th scope="col" class="num">
                    {t('statements.change')}
                  </th>
                  <th scope="col" class="num">
                    {t('statements.closing')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {changes.rows.map((row) => (
                  <tr key={row.code ?? row.name}>
                    <td data-label={t('statements.component')}>
                      {row.code && <span class="cell-ref">{row.code}</span>} {row.name}
                    </td>
                    <td class="num" data-label={t('statements.opening')}>
                      <Money amountRp={row.opening} />
                    </td>
                    <td class="num" data-label={t('statements.change')}>
                      <Money amountRp={row.change} />
                    </td>
                    <td class="num" data-label={t('statements.closing')}>
                      <Money amountRp={row.closing} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('statements.totalEquity')}</th>
                  <td class="num" data-label={t('statements.opening')}>
                    <Money amountRp={changes.opening} />
                  </td>
                  <td class="num" data-label={t('statements.change')}>
                    <Money amountRp={changes.closing - changes.opening} />
                  </td>
                  <td class="num" data-label={t('statements.closing')}>
                    <Money amountRp={changes.closing} />
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p>
            {t('statements.equityExplained', {
              surplus: String(changes.surplus),
              other: String(changes.otherChanges),
            })}
          </p>
        </section>
      );
    }
    case 'arus-kas': {
      const flows = statements.cashFlows;
      return (
        <section aria-labelledby="statement-title" data-testid="statement">
          <h2 id="statement-title">
            {t('statements.cashFlowsFor', { from: statements.from, to: statements.to })}
          </h2>
          <div class="table-wrap">
            <table class="statement-table">
              <thead>
                <tr>
                  <th scope="col">{t('statements.counterAccount')}</th>
                  <th scope="col" class="num">
                    {t('statements.receipts')}
                  </th>
                  <th scope="col" class="num">
                    {t('statements.payments')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr class="statement-total">
                  <th scope="row">{t('statements.openingCash')}</th>
                  <td />
                  <td class="num">
                    <Money amountRp={flows.openingCash} />
                  </td>
                </tr>
                {flows.activities.map((activity) => [
                  <tr key={activity.activity} class="statement-heading">
                    <th scope="rowgroup" colSpan={3}>
                      {t(`statements.activity.${activity.activity}` as MessageKey)}
                    </th>
                  </tr>,
                  ...activity.lines.map((line) => (
                    <tr key={`${activity.activity}-${line.code}`}>
                      <td>
                        <span class="cell-ref">{line.code}</span> {line.name}
                      </td>
                      <td class="num">
                        <Money amountRp={line.receipts} />
                      </td>
                      <td class="num">
                        <Money amountRp={line.payments} />
                      </td>
                    </tr>
                  )),
                  <tr key={`${activity.activity}-net`} class="statement-total">
                    <th scope="row">{t('statements.net')}</th>
                    <td />
                    <td class="num">
                      <Money amountRp={activity.net} />
                    </td>
                  </tr>,
                ])}
                <tr class="statement-total">
                  <th scope="row">{t('statements.closingCash')}</th>
                  <td />
                  <td class="num">
                    <Money amountRp={flows.closingCash} />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      );
    }
  }
}

interface AmountTableProps {
  sections: { title: string; section: Section; total: string }[];
  grandTotal: { label: string; amount: number };
}

function AmountTable({ sections, grandTotal }: AmountTableProps) {
  return (
    <div class="table-wrap">
      <table class="statement-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.books.account')}</th>
            <th scope="col" class="num">
              {t('statements.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sections.map(({ title, section, total }) => [
            <tr key={title} class="statement-heading">
              <th scope="rowgroup" colSpan={2}>
                {title}
              </th>
            </tr>,
            ...section.lines.map((line) => (
              <tr key={`${title}-${line.code ?? line.name}`}>
                <td>
                  {line.code && <span class="cell-ref">{line.code}</span>} {line.name}
                </td>
                <td class="num">
                  <Money amountRp={line.amount} />
                </td>
              </tr>
            )),
            <tr key={`${title}-total`} class="statement-total">
              <th scope="row">{total}</th>
              <td class="num">
                <Money amountRp={section.total} />
              </td>
            </tr>,
          ])}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{grandTotal.label}</th>
            <td class="num">
              <Money amountRp={grandTotal.amount} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
