import { useState } from 'preact/hooks';
import { api } from '../../../api/client';
import { describeError } from '../../../api/describe-error';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Form } from '../../../components/Form';
import { TextField } from '../../../components/TextField';
import { t } from '../../../i18n/i18n';

/**
 * Buka kunci masuk: a teller locked out by mistyped passwords signs in again at once, on the supervisor's word
 * (the gateway records who lifted the lockout in the sign-in log).
 */
export function UnlockPanel() {
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setDone(null);
    setFailure(null);
    const name = username.trim();
    setError(name ? null : t('supervisor.unlock.usernameRequired'));
    if (!name) return;
    setBusy(true);
    try {
      const answer = await api.post('/api/v1/auth/unlocks', { body: { username: name } });
      setDone(
        t(answer.wasLocked ? 'supervisor.unlock.unlocked' : 'supervisor.unlock.notLocked', {
          username: answer.username,
        }),
      );
      setUsername('');
    } catch (caught) {
      setFailure(
        describeError(caught, {
          USER_NOT_FOUND: () => t('supervisor.unlock.notOurs', { username: name }),
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card teller-form" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('supervisor.unlock.title')}</h2>
      <p>{t('supervisor.unlock.intro')}</p>
      <Form onSubmit={submit} aria-label={t('supervisor.unlock.title')}>
        <TextField
          id="unlock-username"
          label={t('supervisor.unlock.username')}
          value={username}
          onValue={setUsername}
          error={error}
          autoComplete="off"
          autoCapitalize="none"
          spellcheck={false}
          maxLength={100}
          disabled={busy}
        />
        <ErrorMessage message={failure} />
        {done && (
          <p class="alert alert--success" role="status">
            {done}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('supervisor.working') : t('supervisor.unlock.submit')}
        </button>
      </Form>
    </section>
  );
}
