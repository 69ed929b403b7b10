import { PageTitle } from '../../components/PageTitle';
import { t } from '../../i18n/i18n';
import { MemberSearch } from './MemberSearch';

/** Anggota: find a member by NIK or name, or register a new one. */
export function MemberSearchScreen() {
  return (
    <>
      <div class="page-head">
        <PageTitle>{t('members.search.title')}</PageTitle>
        <a class="button button--primary" href="/anggota/baru">
          {t('members.search.register')}
        </a>
      </div>
      <MemberSearch hrefOf={(member) => `/anggota/${member.id}`} />
    </>
  );
}
