import { PageTitle } from '../../../components/PageTitle';

export function DepositScreen() {
  return <PageTitle>DepositScreen</PageTitle>;
}
