import { useState } from 'preact/hooks';
import { ApiError } from '../../api/api-error';
import { api, type ApiSchemas } from '../../api/client';
import { describeError, fieldErrorsOf } from '../../api/describe-error';
import { ActionFailure } from '../../components/ActionFailure';
import { Form } from '../../components/Form';
import { TextField } from '../../components/TextField';
import { useKeyedSubmit } from '../../components/use-keyed-submit';
import { formatRupiah } from '../../format/rupiah';
import { formatWibDateTime, formatWibDay, wibToday } from '../../format/wib';
import { t } from '../../i18n/i18n';
import { isSupervisor } from '../../session/session';
import { ConfirmPanel } from '../supervisor/ConfirmPanel';

type Shu = ApiSchemas['ShuDistributionResponse'];

/**
 * Bukukan pembagian SHU: once the RAT approved the year's SHU, a supervisor books it (the reserve to cadangan,
 * the members' shares to what the koperasi owes them, out of SHU belum dibagi) after a last look at the figures.
 * A booked year says when, after which RAT and by whom, to everyone; nobody can book it again.
 */
export function BookDistributionCard({ shu, onBooked }: { shu: Shu; onBooked: () => void }) {
  const [ratDate, setRatDate] = useState('');
  const [ratDateError, setRatDateError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, failure, clearFailure, edit, submit: sendKeyed } = useKeyedSubmit();
  const year = String(shu.year);
  const cadanganRp = shu.pools.find((pool) => pool.key === 'cadangan')?.amount ?? 0;
  const membersRp = shu.distributed;
  const amounts = {
    year,
    cadangan: formatRupiah(cadanganRp),
    members: formatRupiah(membersRp),
    total: formatRupiah(cadanganRp + membersRp),
  };

  const check = () => {
    clearFailure();
    setNotice(null);
    const problem =
      ratDate === ''
        ? t('shu.book.ratDateRequired')
        : ratDate > wibToday()
          ? t('shu.book.ratDateAfterToday')
          : undefined;
    setRatDateError(problem);
    if (!problem) setConfirming(true);
  };
  const book = () =>
    sendKeyed(
      async (idempotencyKey) => {
        await api.post('/api/v1/shu/{year}/distribution', {
          path: { year },
          body: { ratDate },
          idempotencyKey,
        });
        setConfirming(false);
        setNotice(t('shu.book.booked', amounts));
        onBooked();
      },
      (error) => {
        setConfirming(false);
        const byField = fieldErrorsOf(error, { ratDate: 'shu.book.ratDateInvalid' });
        if (byField.ratDate) {
          setRatDateError(byField.ratDate);
          return true;
        }
        // Booked meanwhile (another supervisor, another tab): the card shows by whom once it is read again.
        if (error instanceof ApiError && error.code === 'SHU_ALREADY_BOOKED') onBooked();
        return false;
      },
    );

  return (
    <section class="card shu-booking" aria-labelledby="shu-book-title" data-testid="shu-booking">
      <h2 id="shu-book-title">{t('shu.book.title')}</h2>
      {notice && (
        <p class="alert alert--success" role="status">
          {notice}
        </p>
      )}
      {shu.booked ? (
        <p data-testid="shu-booked">
          {t('shu.book.already', {
            at: formatWibDateTime(shu.booked.bookedAt),
            ratDate: formatWibDay(shu.booked.ratDate),
            name: shu.booked.approvedByName,
          })}
        </p>
      ) : !isSupervisor.value ? (
        <p>{t('shu.book.notYet')}</p>
      ) : confirming ? (
        <ConfirmPanel
          id="shu-book-confirm"
          title={t('shu.book.confirmTitle', { year })}
          confirmLabel={t('shu.book.confirm')}
          busy={busy}
          onConfirm={() => void book()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('shu.book.confirmText', { ...amounts, ratDate: formatWibDay(ratDate) })}</p>
        </ConfirmPanel>
      ) : (
        <Form onSubmit={check} aria-label={t('shu.book.title')}>
          <p>{t('shu.book.intro')}</p>
          <TextField
            id="shu-rat-date"
            type="date"
            label={t('shu.book.ratDate')}
            value={ratDate}
            onValue={edit((value: string) => {
              setRatDate(value);
              setRatDateError(undefined);
            })}
            max={wibToday()}
            error={ratDateError}
            disabled={busy}
          />
          <ActionFailure
            failure={failure}
            message={failure ? describeBookingError(failure) : null}
            checking={busy}
            onCheckAgain={() => void book()}
          />
          <button type="submit" class="button button--primary" disabled={busy}>
            {t('shu.book.submit')}
          </button>
        </Form>
      )}
    </section>
  );
}

function describeBookingError(error: unknown): string {
  return describeError(error, {
    SHU_ALREADY_BOOKED: () => t('shu.book.alreadyBooked'),
    MONTH_CLOSED: () => t('shu.book.monthClosed'),
    INVALID_SHU: () => t('shu.book.invalid'),
  });
}
