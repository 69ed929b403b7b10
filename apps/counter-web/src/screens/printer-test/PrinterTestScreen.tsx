import { useState } from 'preact/hooks';
import { PageTitle } from '../../components/PageTitle';
import { ReceiptPaper } from '../../components/ReceiptPaper';
import { formatWibDateTime } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { currentUser } from '../../session/session';
import { testPageLines } from './test-page-lines';

/** Tes printer: a page that shows at a glance whether the receipt printer prints all 32 characters of a line. */
export function PrinterTestScreen() {
  const [printedAt, setPrintedAt] = useState(() => new Date());
  const lines = testPageLines(
    currentUser.value?.koperasiName ?? t('app.title'),
    t('printer.paperTitle'),
    formatWibDateTime(printedAt),
  );
  const print = () => {
    setPrintedAt(new Date());
    // After the new time is on the page, so the print shows it.
    requestAnimationFrame(() => window.print());
  };
  return (
    <div class="printer-test">
      <PageTitle>{t('printer.title')}</PageTitle>
      <p>{t('printer.intro')}</p>
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={print}>
          {t('printer.print')}
        </button>
      </div>
      <ReceiptPaper lines={lines} />
      <section class="card" aria-labelledby="printer-check">
        <h2 id="printer-check">{t('printer.checkTitle')}</h2>
        <ol class="printer-test__steps">
          <li>{t('printer.checkRuler')}</li>
          <li>{t('printer.checkMarkers')}</li>
          <li>{t('printer.checkEquals')}</li>
        </ol>
        <p class="alert alert--warning">{t('printer.fix')}</p>
      </section>
    </div>
  );
}
