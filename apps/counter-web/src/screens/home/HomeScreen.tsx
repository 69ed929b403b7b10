import { PageTitle } from '../../components/PageTitle';

export function HomeScreen() {
  return <PageTitle>HomeScreen</PageTitle>;
}
