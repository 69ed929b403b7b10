import { PageTitle } from '../../../components/PageTitle';

export function TellersScreen() {
  return <PageTitle>TellersScreen</PageTitle>;
}
