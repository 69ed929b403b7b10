import { PageTitle } from '../../../components/PageTitle';

export function RefundsScreen() {
  return <PageTitle>RefundsScreen</PageTitle>;
}
