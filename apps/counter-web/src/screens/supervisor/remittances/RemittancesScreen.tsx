import { PageTitle } from '../../../components/PageTitle';

export function RemittancesScreen() {
  return <PageTitle>RemittancesScreen</PageTitle>;
}
