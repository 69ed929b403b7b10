import { useRoute } from 'preact-iso';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/use-load';
import { formatRupiah } from '../../format/rupiah';
import { formatWibDate, formatWibDateTime } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { loadMemberFile, paidWajibMonths, type MemberFile } from './member-data';
import { MemberStatusBadge } from './MemberStatusBadge';
import { balanceAfter, monthNames, statementLineText } from './savings-words';

/** A member: who, the three savings (pokok paid or not, wajib months paid and in arrears, sukarela), the statement. */
export function MemberScreen() {
  const { params } = useRoute();
  const memberId = params.memberId;
  const file = useLoad((signal) => loadMemberFile(memberId, signal), [memberId]);

  if (!file.data) {
    return (
      <>
        <PageTitle>{t('members.member.title')}</PageTitle>
        {file.loading ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <ErrorMessage message={file.error} />
        )}
        <a class="button" href="/anggota">
          {t('members.member.backToSearch')}
        </a>
      </>
    );
  }
  return <MemberPage file={file.data} />;
}

function MemberPage({ file }: { file: MemberFile }) {
  const { member, statement, koperasi } = file;
  const pokokPaid = member.savings.pokok > 0;
  const paid = paidWajibMonths(statement);
  const arrears = member.wajibArrears;
  const lines = [...statement].reverse();
  return (
    <>
      <PageTitle>{member.fullName}</PageTitle>
      <dl class="summary">
        <dt>{t('members.memberNo')}</dt>
        <dd>{member.memberNo}</dd>
        <dt>{t('members.nik')}</dt>
        <dd>{member.nik}</dd>
        <dt>{t('members.status')}</dt>
        <dd>
          <MemberStatusBadge status={member.status} />
        </dd>
        <dt>{t('members.member.joined')}</dt>
        <dd>{formatWibDate(member.joinedAt)}</dd>
      </dl>
      {member.status !== 'RESIGNED' && (
        <div class="button-row">
          <a class="button button--primary" href={`/simpanan/${member.id}`}>
            {t('members.member.toSavings')}
          </a>
        </div>
      )}

      <h2>{t('members.member.balances')}</h2>
      <div class="cards">
        <section class="card" aria-labelledby="pokok-title" data-testid="pokok-card">
          <h3 id="pokok-title">{t('members.kind.pokok')}</h3>
          <p class="figure">
            <Money amountRp={member.savings.pokok} />
          </p>
          {pokokPaid ? (
            <p class="badge badge--member-ACTIVE">{t('members.member.pokokPaid')}</p>
          ) : (
            <p class="member-note member-note--due">
              {t('members.member.pokokDue', { amount: formatRupiah(koperasi.simpananPokokAmount) })}
            </p>
          )}
        </section>
        <section class="card" aria-labelledby="wajib-title" data-testid="wajib-card">
          <h3 id="wajib-title">{t('members.kind.wajib')}</h3>
          <p class="figure">
            <Money amountRp={member.savings.wajib} />
          </p>
          <p class="member-note">
            {t('members.member.wajibRate', {
              amount: formatRupiah(koperasi.simpananWajibMonthlyAmount),
            })}
          </p>
          <p data-testid="wajib-paid">
            <strong>{t('members.member.wajibPaid', { count: paid.length })}</strong>{' '}
            {paid.length > 0 ? monthNames(paid) : t('members.member.nothingYet')}
          </p>
          <p
            data-testid="wajib-arrears"
            class={arrears.months.length > 0 ? 'member-note--due' : undefined}
          >
            {arrears.months.length > 0 ? (
              <>
                <strong>
                  {t('members.member.arrears', {
                    count: arrears.months.length,
                    amount: formatRupiah(arrears.amount),
                  })}
                </strong>{' '}
                {monthNames(arrears.months)}
              </>
            ) : (
              t('members.member.noArrears')
            )}
          </p>
        </section>
        <section class="card" aria-labelledby="sukarela-title" data-testid="sukarela-card">
          <h3 id="sukarela-title">{t('members.kind.sukarela')}</h3>
          <p class="figure">
            <Money amountRp={member.savings.sukarela} />
          </p>
        </section>
      </div>

      <h2 id="statement-title">{t('members.member.statement')}</h2>
      {lines.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="statement-title" tabIndex={0}>
          <table class="statement">
            <thead>
              <tr>
                <th scope="col">{t('members.member.when')}</th>
                <th scope="col">{t('members.member.what')}</th>
                <th scope="col" class="num">
                  {t('common.amount')}
                </th>
                <th scope="col" class="num">
                  {t('members.member.balanceAfter')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => {
                const after = balanceAfter(line);
                return (
                  <tr key={line.eventId}>
                    <td class="statement__when">{formatWibDateTime(line.occurredAt)}</td>
                    <td>{statementLineText(line)}</td>
                    <td class="num">
                      <Money amountRp={line.amount} />
                    </td>
                    <td
                      class="num statement__balance"
                      data-label={t('members.member.balanceAfter')}
                    >
                      {after === null ? '–' : <Money amountRp={after} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
