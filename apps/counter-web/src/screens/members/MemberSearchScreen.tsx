import { PageTitle } from '../../components/PageTitle';

export function MemberSearchScreen() {
  return <PageTitle>MemberSearchScreen</PageTitle>;
}
