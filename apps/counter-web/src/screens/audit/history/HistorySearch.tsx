import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Form } from '../../../components/Form';
import { TextField } from '../../../components/TextField';
import { t, type MessageKey } from '../../../i18n/i18n';
import { AUDIT_SERVICES, serviceLabel } from '../shared/audit-words';
import { EMPTY_QUERY, historyHref, searchProblems, type HistoryQuery } from './history-query';

const PROBLEM_TEXT: Record<'day' | 'time' | 'order' | 'type', MessageKey> = {
  day: 'audit.history.badDay',
  time: 'audit.history.badTime',
  order: 'audit.history.badOrder',
  type: 'audit.history.badType',
};

/** The search: a stream id alone opens that stream; otherwise the filters search the whole scope. */
export function HistorySearch({ initial }: { initial: HistoryQuery }) {
  const { route } = useLocation();
  const [query, setQuery] = useState<HistoryQuery>({ ...initial, event: '', version: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const set = (name: keyof HistoryQuery) => (value: string) =>
    setQuery((previous) => ({ ...previous, [name]: value }));

  const submit = () => {
    const found = searchProblems(query);
    setProblems(
      Object.fromEntries(
        Object.entries(found).map(([field, problem]) => [field, t(PROBLEM_TEXT[problem])]),
      ),
    );
    if (Object.keys(found).length > 0) return;
    route(historyHref({ ...query, type: query.type.replace(/\s+/g, '') }));
  };

  return (
    <Form onSubmit={submit} class="history-search" aria-label={t('audit.history.search')}>
      <div class="history-search__fields">
        <TextField
          id="history-stream"
          label={t('audit.history.stream')}
          hint={t('audit.history.streamHint')}
          value={query.stream}
          onValue={set('stream')}
          autoComplete="off"
          spellcheck={false}
        />
        <div class="field">
          <label for="history-service">{t('audit.history.service')}</label>
          <select
            id="history-service"
            value={query.service}
            onChange={(event) => set('service')(event.currentTarget.value)}
          >
            <option value="">{t('audit.history.allServices')}</option>
            {AUDIT_SERVICES.map((service) => (
              <option key={service} value={service}>
                {serviceLabel(service)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="history-type"
          label={t('audit.history.type')}
          hint={t('audit.history.typeHint')}
          value={query.type}
          onValue={set('type')}
          error={problems.type}
          autoComplete="off"
          spellcheck={false}
        />
        <TextField
          id="history-correlation"
          label={t('audit.history.correlation')}
          value={query.correlation}
          onValue={set('correlation')}
          autoComplete="off"
          spellcheck={false}
        />
        <TextField
          id="history-from-day"
          type="date"
          label={t('audit.history.fromDay')}
          value={query.fromDay}
          onValue={set('fromDay')}
          error={problems.fromDay}
        />
        <TextField
          id="history-from-time"
          type="time"
          label={t('audit.history.fromTime')}
          value={query.fromTime}
          onValue={set('fromTime')}
          error={problems.fromTime}
        />
        <TextField
          id="history-to-day"
          type="date"
          label={t('audit.history.toDay')}
          value={query.toDay}
          onValue={set('toDay')}
          error={problems.toDay}
        />
        <TextField
          id="history-to-time"
          type="time"
          label={t('audit.history.toTime')}
          value={query.toTime}
          onValue={set('toTime')}
          error={problems.toTime}
        />
      </div>
      <p class="field__hint">{t('audit.history.wibHint')}</p>
      <div class="button-row">
        <button type="submit" class="button button--primary">
          {t('audit.history.submit')}
        </button>
        <a class="button" href={historyHref(EMPTY_QUERY)}>
          {t('audit.history.clear')}
        </a>
      </div>
    </Form>
  );
}
