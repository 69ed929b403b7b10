import { useState } from 'preact/hooks';
import { describeError } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Form } from '../../../components/Form';
import { PageTitle } from '../../../components/PageTitle';
import { TextField } from '../../../components/TextField';
import { wibToday } from '../../../format/wib';
import { t } from '../../../i18n/i18n';
import { AUDIT_SERVICES, serviceLabel } from '../shared/audit-words';
import { fetchAuditFile, saveFile } from '../shared/audit-download';
import { isCalendarDay } from '@koperasi/domain';
import { wibDayBefore } from '../shared/wib-input';
import { auditScopeQuery } from '../shared/audit-koperasi';

type What = 'events' | 'entries';
type Format = 'csv' | 'jsonl';

/**
 * Ekspor: the events or the journal entries of a range of WIB days as CSV or JSON Lines, saved as a file. The
 * download is fetched with the session's token (a link would carry none) and handed over as an object URL.
 */
export function ExportScreen() {
  const today = wibToday();
  const [what, setWhat] = useState<What>('events');
  const [format, setFormat] = useState<Format>('csv');
  const [fromDay, setFromDay] = useState(wibDayBefore(today, 6));
  const [toDay, setToDay] = useState(today);
  const [service, setService] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ fileName: string; bytes: number } | null>(null);

  const submit = async () => {
    const found = {
      from: isCalendarDay(fromDay) ? undefined : t('audit.history.badDay'),
      to: !isCalendarDay(toDay)
        ? t('audit.history.badDay')
        : isCalendarDay(fromDay) && toDay < fromDay
          ? t('audit.history.badOrder')
          : undefined,
    };
    setErrors(found);
    setSaved(null);
    setError(null);
    if (found.from || found.to) return;
    setBusy(true);
    try {
      const name = `${what === 'events' ? 'kejadian' : 'jurnal'}-${fromDay}-${toDay}.${format}`;
      const file = await fetchAuditFile(
        `/api/v1/audit/export/${what}`,
        {
          format,
          from: fromDay,
          to: toDay,
          service: what === 'events' ? service : undefined,
          ...auditScopeQuery(),
        },
        name,
      );
      // The file is named by what it holds and its days, whatever name the API suggests.
      saveFile({ blob: file.blob, fileName: name });
      setSaved({ fileName: name, bytes: file.blob.size });
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="audit-screen">
      <PageTitle>{t('audit.export.title')}</PageTitle>
      <p class="page-intro">{t('audit.export.intro')}</p>
      <Form onSubmit={submit} class="export-form" aria-label={t('audit.export.title')}>
        <fieldset class="kind-choice">
          <legend>{t('audit.export.what')}</legend>
          {(['events', 'entries'] as const).map((option) => (
            <label
              key={option}
              class={`kind-choice__option ${what === option ? 'kind-choice__option--chosen' : ''}`}
            >
              <input
                type="radio"
                name="export-what"
                value={option}
                checked={what === option}
                onChange={() => setWhat(option)}
              />
              {t(`audit.export.what.${option}`)}
            </label>
          ))}
        </fieldset>
        <fieldset class="kind-choice">
          <legend>{t('audit.export.format')}</legend>
          {(['csv', 'jsonl'] as const).map((option) => (
            <label
              key={option}
              class={`kind-choice__option ${format === option ? 'kind-choice__option--chosen' : ''}`}
            >
              <input
                type="radio"
                name="export-format"
                value={option}
                checked={format === option}
                onChange={() => setFormat(option)}
              />
              {t(`audit.export.format.${option}`)}
            </label>
          ))}
        </fieldset>
        <div class="export-form__days">
          <TextField
            id="export-from"
            type="date"
            label={t('audit.export.from')}
            value={fromDay}
            onValue={setFromDay}
            error={errors.from}
          />
          <TextField
            id="export-to"
            type="date"
            label={t('audit.export.to')}
            value={toDay}
            onValue={setToDay}
            error={errors.to}
          />
        </div>
        {what === 'events' && (
          <div class="field">
            <label for="export-service">{t('audit.history.service')}</label>
            <select
              id="export-service"
              value={service}
              onChange={(event) => setService(event.currentTarget.value)}
            >
              <option value="">{t('audit.history.allServices')}</option>
              {AUDIT_SERVICES.map((option) => (
                <option key={option} value={option}>
                  {serviceLabel(option)}
                </option>
              ))}
            </select>
          </div>
        )}
        <p class="field__hint">{t('audit.history.wibHint')}</p>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('audit.export.downloading') : t('audit.export.download')}
        </button>
      </Form>
      <ErrorMessage message={error} />
      {saved && (
        <p class="alert alert--success" role="status">
          {t('audit.export.saved', {
            file: saved.fileName,
            size: Math.max(1, Math.round(saved.bytes / 1024)),
          })}
        </p>
      )}
    </div>
  );
}
