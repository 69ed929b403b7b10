import { PageTitle } from '../../../components/PageTitle';
import { t } from '../../../i18n/i18n';
import { BankFees } from './BankFees';
import { RefusedCollections } from './RefusedCollections';
import { VaultDeposits } from './VaultDeposits';

/** The koperasi's money with its bank: setor ke bank from the vault, the bank's fees by month, installments it refused. */
export function BankScreen() {
  return (
    <div class="supervisor-screen">
      <PageTitle>{t('bank.title')}</PageTitle>
      <VaultDeposits />
      <BankFees />
      <RefusedCollections />
    </div>
  );
}
