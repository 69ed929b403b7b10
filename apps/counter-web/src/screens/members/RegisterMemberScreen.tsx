import { PageTitle } from '../../components/PageTitle';

export function RegisterMemberScreen() {
  return <PageTitle>RegisterMemberScreen</PageTitle>;
}
