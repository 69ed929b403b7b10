import { PageTitle } from '../../components/PageTitle';

export function TodayScreen() {
  return <PageTitle>TodayScreen</PageTitle>;
}
