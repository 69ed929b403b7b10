import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useLoad } from '../../components/use-load';
import { t } from '../../i18n/i18n';
import { loadMemberFile, type MemberFile } from '../members/member-data';
import { MemberSearch } from '../members/MemberSearch';
import { MemberStatusBadge } from '../members/MemberStatusBadge';
import { monthNames } from '../members/savings-words';
import { SavingsDesk } from './SavingsDesk';

/** Simpanan: pick a member (or arrive with one from the member's page), then take or pay out their savings. */
export function SavingsScreen() {
  const { params } = useRoute();
  const memberId = params.memberId;
  if (!memberId) {
    return (
      <>
        <PageTitle>{t('savings.title')}</PageTitle>
        <p>{t('savings.pickMember')}</p>
        <MemberSearch hrefOf={(member) => `/simpanan/${member.id}`} />
      </>
    );
  }
  return <MemberSavings memberId={memberId} />;
}

function MemberSavings({ memberId }: { memberId: string }) {
  const file = useLoad((signal) => loadMemberFile(memberId, signal), [memberId]);
  const [round, setRound] = useState(0);
  if (!file.data) {
    return (
      <>
        <PageTitle>{t('savings.title')}</PageTitle>
        {file.loading ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          <ErrorMessage message={file.error} />
        )}
        <a class="button" href="/simpanan">
          {t('savings.otherMember')}
        </a>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('savings.titleFor', { name: file.data.member.fullName })}</PageTitle>
      <MemberCard file={file.data} />
      <SavingsDesk
        key={round}
        file={file.data}
        onChanged={file.reload}
        onAnother={() => {
          file.reload();
          setRound((value) => value + 1);
        }}
      />
    </>
  );
}

function MemberCard({ file }: { file: MemberFile }) {
  const { member } = file;
  return (
    <section class="card savings-member" aria-label={t('savings.member')}>
      <p class="savings-member__who">
        <strong>{member.memberNo}</strong> · {t('members.nik')} {member.nik} ·{' '}
        <MemberStatusBadge status={member.status} />
      </p>
      <dl class="summary savings-member__balances">
        <dt>{t('savings.balance.pokok')}</dt>
        <dd>
          <Money amountRp={member.savings.pokok} />
        </dd>
        <dt>{t('savings.balance.wajib')}</dt>
        <dd>
          <Money amountRp={member.savings.wajib} />
        </dd>
        <dt>{t('savings.balance.sukarela')}</dt>
        <dd data-testid="sukarela-balance">
          <Money amountRp={member.savings.sukarela} />
        </dd>
        <dt>{t('savings.arrears')}</dt>
        <dd>
          {member.wajibArrears.months.length > 0
            ? monthNames(member.wajibArrears.months)
            : t('members.member.noArrears')}
        </dd>
      </dl>
      <p class="button-row">
        <a class="button" href={`/anggota/${member.id}`}>
          {t('savings.toMember')}
        </a>
        <a class="button" href="/simpanan">
          {t('savings.otherMember')}
        </a>
      </p>
    </section>
  );
}
