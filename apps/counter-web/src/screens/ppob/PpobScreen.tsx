import { PageTitle } from '../../components/PageTitle';

export function PpobScreen() {
  return <PageTitle>PpobScreen</PageTitle>;
}
