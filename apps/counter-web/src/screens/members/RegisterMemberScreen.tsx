import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError } from '../../api/api-error';
import { api, newIdempotencyKey } from '../../api/client';
import { describeError, fieldErrorsOf } from '../../api/describe-error';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { PageTitle } from '../../components/PageTitle';
import { TextField } from '../../components/TextField';
import { UnknownOutcome } from '../../components/UnknownOutcome';
import { locale, t } from '../../i18n/i18n';
import { loadDraft, saveDraft } from '../../session/session';
import { loadKoperasi, type Koperasi } from './member-data';
import { checkNik, type NikCheck } from './nik-check';

const DRAFT = 'register-member';

interface Fields {
  nik: string;
  fullName: string;
  birthPlace: string;
  address: string;
  kelurahan: string;
  phone: string;
}
type FieldName = keyof Fields;
type Errors = Partial<Record<FieldName, string>>;

const EMPTY: Fields = {
  nik: '',
  fullName: '',
  birthPlace: '',
  address: '',
  kelurahan: '',
  phone: '',
};

function phoneDigits(typed: string): string {
  return typed.replace(/[\s().-]/g, '');
}

/** The form's own checks, the same bounds as the gateway's register DTO. */
function checkFields(fields: Fields, nik: NikCheck): Errors {
  const errors: Errors = {};
  if (nik.state === 'bad') errors.nik = nik.message;
  const name = fields.fullName.trim();
  if (name.length < 2)
    errors.fullName = t(name ? 'members.register.nameShort' : 'members.register.nameRequired');
  const birthPlace = fields.birthPlace.trim();
  if (birthPlace.length === 1) errors.birthPlace = t('members.register.birthPlaceShort');
  const address = fields.address.trim();
  if (address.length < 5)
    errors.address = t(
      address ? 'members.register.addressShort' : 'members.register.addressRequired',
    );
  if (fields.kelurahan.trim().length < 2)
    errors.kelurahan = t('members.register.kelurahanRequired');
  const phone = phoneDigits(fields.phone);
  if (phone && !/^\+?\d{8,15}$/.test(phone)) errors.phone = t('members.register.phoneInvalid');
  return errors;
}

function birthDateText(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale.value, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day));
}

/**
 * Kept as it is typed (not after the render): a session that ends in the next instant still keeps the last
 * keystroke. The kelurahan fills itself in, so only what the teller typed makes a draft.
 */
function keepDraft(fields: Fields): void {
  const typed = (['nik', 'fullName', 'birthPlace', 'address', 'phone'] as const).some(
    (name) => fields[name] !== '',
  );
  saveDraft(DRAFT, typed ? fields : null);
}

/** What the NIK says while it is typed: how many digits so far, or the birth date and sex read from it. */
function nikHint(nik: NikCheck): string | null {
  if (nik.state === 'typing') return t('members.register.nikProgress', { count: nik.digits });
  if (nik.state === 'ok') {
    return t('members.register.nikRead', {
      date: birthDateText(nik.nik.birthDate),
      sex: t(nik.nik.sex === 'F' ? 'members.sex.F' : 'members.sex.M'),
    });
  }
  if (nik.state === 'empty') return t('members.register.nikHint');
  return null;
}

/**
 * Daftar anggota: the NIK checked as it is typed (the members service's own rule), the KTP domicile in the
 * koperasi's kelurahan, name and phone. The half-typed form is kept across an expired session; after
 * registering, the member's page opens.
 */
export function RegisterMemberScreen() {
  const location = useLocation();
  const [fields, setFields] = useState<Fields>(() => ({
    ...EMPTY,
    ...(loadDraft<Partial<Fields>>(DRAFT) ?? {}),
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [koperasi, setKoperasi] = useState<Koperasi | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [unknown, setUnknown] = useState(false);
  const [busy, setBusy] = useState(false);
  /** One key per registration: reused while the same form is sent again, new once anything in it changes. */
  const attempt = useRef<{ key: string; body: string } | null>(null);

  const nik = checkNik(fields.nik);

  useEffect(() => {
    const controller = new AbortController();
    loadKoperasi(controller.signal).then(
      (found) => {
        setKoperasi(found);
        setFields((current) =>
          current.kelurahan ? current : { ...current, kelurahan: found.kelurahan },
        );
      },
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  const set = (name: FieldName) => (value: string) => {
    const next = { ...fields, [name]: name === 'nik' ? value.replace(/\s/g, '') : value };
    setFields(next);
    keepDraft(next);
    setErrors((current) => ({ ...current, [name]: undefined }));
    setFailure(null);
  };

  const send = async (body: string, key: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const registered = await api.post('/api/v1/members', {
        body: JSON.parse(body),
        idempotencyKey: key,
      });
      saveDraft(DRAFT, null);
      location.route(`/anggota/${registered.id}`, true);
    } catch (error) {
      setUnknown(error instanceof ApiError && error.outcomeUnknown);
      if (error instanceof ApiError && error.outcomeUnknown) return;
      const kelurahan = koperasi?.kelurahan ?? '';
      const byCode: Partial<Record<string, () => string>> = {
        MEMBER_ALREADY_REGISTERED: () => t('members.register.alreadyMember'),
        INVALID_NIK: () => {
          const again = checkNik(fields.nik, true);
          return again.state === 'bad' ? again.message : t('members.nik.invalid');
        },
        KELURAHAN_MISMATCH: () => t('members.register.kelurahanMismatch', { kelurahan }),
      };
      const fieldOf: Record<string, FieldName> = {
        MEMBER_ALREADY_REGISTERED: 'nik',
        INVALID_NIK: 'nik',
        KELURAHAN_MISMATCH: 'kelurahan',
      };
      const code = error instanceof ApiError ? error.code : '';
      if (fieldOf[code]) {
        setErrors({ [fieldOf[code]]: byCode[code]!() });
        document.getElementById(fieldOf[code])?.focus();
        return;
      }
      const byField = fieldErrorsOf(error, {
        nik: 'members.nik.invalid',
        fullName: 'members.register.nameShort',
        birthPlace: 'members.register.birthPlaceShort',
        address: 'members.register.addressShort',
        kelurahan: 'members.register.kelurahanRequired',
        phone: 'members.register.phoneInvalid',
      });
      setErrors(byField);
      setFailure(describeError(error, byCode));
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (busy || unknown) return;
    const found = checkFields(fields, checkNik(fields.nik, true));
    setErrors(found);
    const first = (Object.keys(EMPTY) as FieldName[]).find((name) => found[name]);
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    const birthPlace = fields.birthPlace.trim();
    const phone = phoneDigits(fields.phone);
    const body = JSON.stringify({
      nik: fields.nik.trim(),
      fullName: fields.fullName.trim().replace(/\s+/g, ' '),
      address: fields.address.trim(),
      kelurahan: fields.kelurahan.trim(),
      ...(birthPlace ? { birthPlace } : {}),
      ...(phone ? { phone } : {}),
    });
    if (attempt.current?.body !== body) attempt.current = { key: newIdempotencyKey(), body };
    void send(attempt.current.body, attempt.current.key);
  };

  const checkAgain = () => {
    if (attempt.current) void send(attempt.current.body, attempt.current.key);
  };

  const area = koperasi
    ? t('members.register.area', { kecamatan: koperasi.kecamatan, kota: koperasi.kotaKabupaten })
    : null;
  return (
    <>
      <PageTitle>{t('members.register.title')}</PageTitle>
      <p class="page-intro">{t('members.register.intro')}</p>
      <Form onSubmit={submit} aria-label={t('members.register.title')} class="card register-form">
        <TextField
          id="nik"
          label={t('members.nik')}
          value={fields.nik}
          onValue={set('nik')}
          error={errors.nik ?? (nik.state === 'bad' ? nik.message : null)}
          hint={nikHint(nik)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          autoFocus
          class="field--nik"
        />
        <TextField
          id="fullName"
          label={t('members.register.fullName')}
          value={fields.fullName}
          onValue={set('fullName')}
          error={errors.fullName}
          autoComplete="off"
          maxLength={200}
        />
        <TextField
          id="birthPlace"
          label={t('members.register.birthPlace')}
          value={fields.birthPlace}
          onValue={set('birthPlace')}
          error={errors.birthPlace}
          autoComplete="off"
          maxLength={100}
        />
        <TextField
          id="address"
          label={t('members.register.address')}
          hint={t('members.register.addressHint')}
          value={fields.address}
          onValue={set('address')}
          error={errors.address}
          autoComplete="off"
          maxLength={500}
        />
        <TextField
          id="kelurahan"
          label={t('members.register.kelurahan')}
          hint={area}
          value={fields.kelurahan}
          onValue={set('kelurahan')}
          error={errors.kelurahan}
          autoComplete="off"
          maxLength={100}
        />
        <TextField
          id="phone"
          type="tel"
          label={t('members.register.phone')}
          hint={t('members.register.phoneHint')}
          value={fields.phone}
          onValue={set('phone')}
          error={errors.phone}
          inputMode="tel"
          autoComplete="off"
          maxLength={20}
        />
        <ErrorMessage message={failure} />
        {unknown && <UnknownOutcome checking={busy} onCheckAgain={checkAgain} />}
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={busy || unknown}>
            {busy ? t('members.register.submitting') : t('members.register.submit')}
          </button>
          <a class="button" href="/anggota">
            {t('common.cancel')}
          </a>
        </div>
      </Form>
    </>
  );
}
