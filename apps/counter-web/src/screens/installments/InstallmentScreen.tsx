import { PageTitle } from '../../components/PageTitle';

export function InstallmentScreen() {
  return <PageTitle>InstallmentScreen</PageTitle>;
}
