import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { TextField } from '../../../components/TextField';
import { useLoad } from '../../../components/use-load';
import { t } from '../../../i18n/i18n';
import { currentUser } from '../../../session/session';
import { auditKoperasiId, chooseAuditKoperasi } from './audit-koperasi';

/** Options listed at once; the search narrows a city of hundreds to these. */
const MAX_OPTIONS = 50;

/**
 * A city auditor's choice of koperasi, above every auditor screen: the whole city, or one koperasi of it found
 * by name, code or kelurahan. Only the city's koperasi are offered (the API's list of the auditor's scope); a
 * choice that is no longer in it (another user's, a koperasi moved away) is dropped and said so.
 */
export function AuditKoperasiSwitcher() {
  const list = useLoad((signal) => api.get('/api/v1/audit/koperasi', { signal }), []);
  const [search, setSearch] = useState('');
  const [dropped, setDropped] = useState(false);
  const chosen = auditKoperasiId.value;

  useEffect(() => {
    if (list.data && chosen !== null && !list.data.some((koperasi) => koperasi.id === chosen)) {
      chooseAuditKoperasi(null);
      setDropped(true);
    }
  }, [list.data, chosen]);

  const needle = search.trim().toLowerCase();
  const matches = (koperasi: { name: string; code: string; kelurahan: string }) =>
    needle === '' ||
    [koperasi.name, koperasi.code, koperasi.kelurahan].some((field) =>
      field.toLowerCase().includes(needle),
    );
  const found = (list.data ?? []).filter(matches);
  // The chosen one stays listed whatever the search, so the choice still shows what is being read.
  const options = (list.data ?? []).filter(
    (koperasi) => koperasi.id === chosen || matches(koperasi),
  );
  const city = currentUser.value?.kotaKabupaten ?? '';
  return (
    <section class="audit-koperasi" aria-label={t('audit.koperasi.region')}>
      <TextField
        id="audit-koperasi-search"
        label={t('audit.koperasi.search')}
        hint={list.data ? t('audit.koperasi.count', { count: list.data.length, city }) : null}
        value={search}
        onValue={setSearch}
        autoComplete="off"
        spellcheck={false}
      />
      <div class="field">
        <label for="audit-koperasi-choice">{t('audit.koperasi.title')}</label>
        <select
          id="audit-koperasi-choice"
          disabled={!list.data}
          onChange={(event) => {
            setDropped(false);
            chooseAuditKoperasi(event.currentTarget.value || null);
          }}
        >
          {/* `selected` per option rather than the select's value: a stored choice not (or not yet) listed must not leave the select blank. */}
          <option value="" selected={chosen === null}>
            {t('audit.koperasi.wholeCity', { city })}
          </option>
          {options.slice(0, MAX_OPTIONS).map((koperasi) => (
            <option key={koperasi.id} value={koperasi.id} selected={koperasi.id === chosen}>
              {`${koperasi.name} (${koperasi.code}, ${koperasi.kelurahan})`}
            </option>
          ))}
        </select>
      </div>
      {needle !== '' && list.data && found.length === 0 && (
        <p class="field__hint">{t('audit.koperasi.noMatch')}</p>
      )}
      {dropped && (
        <p class="alert alert--info" role="status">
          {t('audit.koperasi.dropped')}
        </p>
      )}
      <ErrorMessage message={list.error} />
    </section>
  );
}
