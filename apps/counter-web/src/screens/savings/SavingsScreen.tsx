import { PageTitle } from '../../components/PageTitle';

export function SavingsScreen() {
  return <PageTitle>SavingsScreen</PageTitle>;
}
