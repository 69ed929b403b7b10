import { PageTitle } from '../../components/PageTitle';

export function PaymentScreen() {
  return <PageTitle>PaymentScreen</PageTitle>;
}
