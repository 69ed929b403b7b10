import { useState } from 'preact/hooks';
import { api, type ApiSchemas } from '../../api/client';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/i18n';

type Allocation = ApiSchemas['ShuAllocationRequest'];

const MAX_OTHERS = 8;
const PERCENT = /^\d{1,3}([.,]\d{1,2})?$/;

interface Row {
  name: string;
  percent: string;
}

/** The supervisor sets the AD/ART percentages; the total must be exactly 100 before it is sent. The screen says it was saved. */
export function AllocationForm({
  current,
  onSaved,
}: {
  current: Allocation | null;
  onSaved: () => void;
}) {
  const [cadangan, setCadangan] = useState(current ? String(current.cadanganPercent) : '');
  const [jasaModal, setJasaModal] = useState(current ? String(current.jasaModalPercent) : '');
  const [jasaUsaha, setJasaUsaha] = useState(current ? String(current.jasaUsahaPercent) : '');
  const [others, setOthers] = useState<Row[]>(
    (current?.others ?? []).map((other) => ({ name: other.name, percent: String(other.percent) })),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const number = (text: string) =>
    PERCENT.test(text.trim()) ? Number(text.trim().replace(',', '.')) : null;
  const values = [cadangan, jasaModal, jasaUsaha, ...others.map((row) => row.percent)].map(number);
  // Summed in hundredths, so 7.5 + 92.5 is exactly 100 and not a float near it.
  const totalHundredths = values.reduce<number>(
    (sum, value) => sum + Math.round((value ?? 0) * 100),
    0,
  );

  const submit = async () => {
    if (
      values.some((value) => value === null || value > 100) ||
      others.some((row) => row.name.trim() === '')
    )
      return setProblem(t('shu.form.invalid'));
    if (totalHundredths !== 10_000)
      return setProblem(t('shu.form.notHundred', { total: String(totalHundredths / 100) }));
    setProblem(null);
    setBusy(true);
    try {
      await api.put('/api/v1/shu/allocation', {
        body: {
          cadanganPercent: number(cadangan)!,
          jasaModalPercent: number(jasaModal)!,
          jasaUsahaPercent: number(jasaUsaha)!,
          others: others.map((row) => ({ name: row.name.trim(), percent: number(row.percent)! })),
        },
      });
      onSaved();
    } catch (error) {
      setProblem(
        describeError(error, {
          BAD_QUERY: () => t('shu.form.notHundred', { total: String(totalHundredths / 100) }),
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  const editOther = (index: number, change: Partial<Row>) =>
    setOthers(others.map((row, at) => (at === index ? { ...row, ...change } : row)));

  return (
    <Form onSubmit={submit} aria-label={t('shu.form.title')} class="allocation-form">
      <h3>{t('shu.form.title')}</h3>
      <TextField
        id="shu-cadangan"
        inputMode="decimal"
        label={t('shu.form.cadangan')}
        value={cadangan}
        onValue={setCadangan}
        disabled={busy}
      />
      <TextField
        id="shu-jasa-modal"
        inputMode="decimal"
        label={t('shu.form.jasaModal')}
        value={jasaModal}
        onValue={setJasaModal}
        disabled={busy}
      />
      <TextField
        id="shu-jasa-usaha"
        inputMode="decimal"
        label={t('shu.form.jasaUsaha')}
        value={jasaUsaha}
        onValue={setJasaUsaha}
        disabled={busy}
      />
      {others.map((row, index) => (
        <div class="allocation-form__other" key={index}>
          <TextField
            id={`shu-other-name-${index}`}
            label={t('shu.form.otherName', { n: String(index + 1) })}
            value={row.name}
            onValue={(name) => editOther(index, { name })}
            disabled={busy}
          />
          <TextField
            id={`shu-other-percent-${index}`}
            inputMode="decimal"
            label={t('shu.form.otherPercent', { n: String(index + 1) })}
            value={row.percent}
            onValue={(percent) => editOther(index, { percent })}
            disabled={busy}
          />
          <button
            type="button"
            class="button button--ghost"
            onClick={() => setOthers(others.filter((_, at) => at !== index))}
            disabled={busy}
          >
            {t('shu.form.remove')}
          </button>
        </div>
      ))}
      {others.length < MAX_OTHERS && (
        <button
          type="button"
          class="button"
          onClick={() => setOthers([...others, { name: '', percent: '' }])}
          disabled={busy}
        >
          {t('shu.form.addOther')}
        </button>
      )}
      <p data-testid="shu-form-total">
        {t('shu.form.total', { total: String(totalHundredths / 100) })}
      </p>
      <ErrorMessage message={problem} />
      <button type="submit" class="button button--primary" disabled={busy}>
        {t('shu.form.save')}
      </button>
    </Form>
  );
}
