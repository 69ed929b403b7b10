import { PageTitle } from '../../components/PageTitle';

export function PrinterTestScreen() {
  return <PageTitle>PrinterTestScreen</PageTitle>;
}
