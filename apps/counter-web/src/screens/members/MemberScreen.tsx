import { PageTitle } from '../../components/PageTitle';

export function MemberScreen() {
  return <PageTitle>MemberScreen</PageTitle>;
}
