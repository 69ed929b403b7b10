import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../api/api-error';
import { api, newIdempotencyKey } from '../../../api/client';
import { describeError, fieldErrorsOf } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Form } from '../../../components/Form';
import { PageTitle } from '../../../components/PageTitle';
import { TextField } from '../../../components/TextField';
import { t } from '../../../i18n/i18n';
import { loadDraft, saveDraft } from '../../../session/session';
import { checkTeller, tidyFullName, type TellerField, type TellerForm } from './teller-rules';
import { UnlockPanel } from './UnlockPanel';

const DRAFT = 'supervisor.newTeller';
const EMPTY: TellerForm = { fullName: '', username: '', password: '', passwordAgain: '' };

interface Created {
  fullName: string;
  username: string;
}

/** Kasir baru: a teller account of the supervisor's own koperasi (the gateway fills the koperasi in). */
export function TellersScreen() {
  // Names survive an expired session; passwords never leave the form.
  const [form, setForm] = useState<TellerForm>(() => ({
    ...EMPTY,
    ...(loadDraft<Pick<TellerForm, 'fullName' | 'username'>>(DRAFT) ?? {}),
  }));
  /** Under each field: the form's own checks, or the API's refusal of it, in the current language. */
  const [errors, setErrors] = useState<Partial<Record<TellerField, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const createdNotice = useRef<HTMLDivElement>(null);
  /** One Idempotency-Key per teller asked for: a retry of the same form (no answer came) reuses it, an edited form gets a new one. */
  const attempt = useRef<{ key: string; body: string } | null>(null);

  useLayoutEffect(() => {
    if (created) createdNotice.current?.focus();
  }, [created]);

  const set = (field: TellerField) => (value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    if (field === 'fullName' || field === 'username')
      saveDraft(DRAFT, { fullName: next.fullName, username: next.username });
  };

  const submit = async () => {
    const found = Object.fromEntries(
      Object.entries(checkTeller(form)).map(([field, key]) => [field, t(key)]),
    );
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const body = JSON.stringify({
        username: form.username,
        fullName: tidyFullName(form.fullName),
        password: form.password,
        role: 'teller',
      });
      if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
      const user = await api.post('/api/v1/users', {
        body: JSON.parse(body),
        idempotencyKey: attempt.current.key,
      });
      attempt.current = null;
      saveDraft(DRAFT, null);
      setForm(EMPTY);
      setCreated({ fullName: user.fullName, username: user.username });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'USERNAME_TAKEN') {
        setErrors({ username: t('supervisor.tellers.usernameTaken') });
        return;
      }
      const byField = fieldErrorsOf(error, {
        fullName: 'supervisor.tellers.fullNameChars',
        username: 'supervisor.tellers.usernameInvalid',
        password: 'supervisor.tellers.passwordLength',
      });
      if (Object.keys(byField).length > 0) setErrors(byField);
      else setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: TellerField) => errors[field] ?? null;

  if (created) {
    return (
      <div class="supervisor-screen">
        <PageTitle>{t('supervisor.tellers.title')}</PageTitle>
        <div ref={createdNotice} tabIndex={-1} class="alert alert--success" role="status">
          <p>
            {t('supervisor.tellers.created', {
              name: created.fullName,
              username: created.username,
            })}
          </p>
        </div>
        <button
          type="button"
          class="button"
          onClick={() => {
            setCreated(null);
            setErrors({});
          }}
        >
          {t('supervisor.tellers.another')}
        </button>
      </div>
    );
  }

  return (
    <div class="supervisor-screen">
      <PageTitle>{t('supervisor.tellers.title')}</PageTitle>
      <p>{t('supervisor.tellers.intro')}</p>
      <section class="card teller-form">
        <Form onSubmit={submit} aria-label={t('supervisor.tellers.title')}>
          <TextField
            id="teller-full-name"
            label={t('supervisor.tellers.fullName')}
            value={form.fullName}
            onValue={set('fullName')}
            error={errorOf('fullName')}
            hint={t('supervisor.tellers.fullNameHint')}
            autoComplete="off"
            maxLength={100}
            disabled={busy}
          />
          <TextField
            id="teller-username"
            label={t('supervisor.tellers.username')}
            value={form.username}
            onValue={set('username')}
            error={errorOf('username')}
            hint={t('supervisor.tellers.usernameHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellcheck={false}
            maxLength={64}
            disabled={busy}
          />
          <TextField
            id="teller-password"
            type="password"
            label={t('supervisor.tellers.password')}
            value={form.password}
            onValue={set('password')}
            error={errorOf('password')}
            hint={t('supervisor.tellers.passwordHint')}
            autoComplete="new-password"
            maxLength={200}
            disabled={busy}
          />
          <TextField
            id="teller-password-again"
            type="password"
            label={t('supervisor.tellers.passwordAgain')}
            value={form.passwordAgain}
            onValue={set('passwordAgain')}
            error={errorOf('passwordAgain')}
            autoComplete="new-password"
            maxLength={200}
            disabled={busy}
          />
          <ErrorMessage message={failure} />
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('supervisor.working') : t('supervisor.tellers.submit')}
          </button>
        </Form>
      </section>
      <UnlockPanel />
    </div>
  );
}
