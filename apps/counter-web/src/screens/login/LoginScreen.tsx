import { useState } from 'preact/hooks';
import { ApiError } from '../../api/api-error';
import { describeError } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageTitle } from '../../components/PageTitle';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/i18n';
import { endReason, endSession, logIn } from '../../session/session';

/** The platform admin works through the API; everyone else signs in here (auditors to their own screens). */
const COUNTER_ROLES = new Set(['teller', 'supervisor', 'auditor']);

/** Masuk. After an expired session it says so, and the app returns to the screen the teller was on. */
export function LoginScreen() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const missing = {
      username: username.trim() ? undefined : t('login.usernameRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setErrors(missing);
    setFailure(null);
    if (missing.username || missing.password) return;
    setBusy(true);
    try {
      const user = await logIn(username.trim(), password);
      if (!COUNTER_ROLES.has(user.role)) {
        endSession('logout');
        setFailure(t('login.notForCounter'));
      }
    } catch (error) {
      setFailure(
        error instanceof ApiError && error.status === 401
          ? t('login.invalid')
          : describeError(error, {
              LOGIN_LOCKED: () => t('login.locked'),
              USER_DISABLED: () => t('login.disabled'),
            }),
      );
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="login">
      <div class="login__card">
        <div class="login__brand">
          <span class="shell__logo" aria-hidden="true" />
          <p>{t('login.subtitle')}</p>
        </div>
        <PageTitle>{t('login.title')}</PageTitle>
        {endReason.value === 'expired' && (
          <p class="alert alert--info" role="status">
            {t('login.expired')}
          </p>
        )}
        <Form onSubmit={submit} aria-label={t('login.title')}>
          <TextField
            id="username"
            label={t('login.username')}
            value={username}
            onValue={setUsername}
            error={errors.username}
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            autoFocus
          />
          <TextField
            id="password"
            type="password"
            label={t('login.password')}
            value={password}
            onValue={setPassword}
            error={errors.password}
            autoComplete="current-password"
          />
          <ErrorMessage message={failure} />
          <button type="submit" class="button button--primary button--block" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </Form>
        <LanguageSwitch />
      </div>
    </div>
  );
}
