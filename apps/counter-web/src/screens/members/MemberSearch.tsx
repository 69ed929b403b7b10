import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Form } from '../../components/Form';
import { TextField } from '../../components/TextField';
import { useLoad } from '../../components/use-load';
import { t } from '../../i18n/i18n';
import type { Member } from './member-data';
import { MemberStatusBadge } from './MemberStatusBadge';

interface MemberSearchProps {
  /** Where a found member leads: the member's page, or the savings desk for that member. */
  hrefOf: (member: Member) => string;
  autoFocus?: boolean;
}

/** What the gateway can look up: an exact 16-digit NIK, or part of a name. */
type Lookup = { nik: string } | { q: string } | { problem: string };

const MEMBER_NO = /^[A-Za-z]{2,6}-?\d{1,8}$/;

function lookupOf(text: string): Lookup {
  const typed = text.trim();
  const digits = typed.replace(/[\s.-]/g, '');
  if (/^\d+$/.test(digits))
    return digits.length === 16
      ? { nik: digits }
      : { problem: t('members.search.nikLength', { count: digits.length }) };
  if (MEMBER_NO.test(typed)) return { problem: t('members.search.memberNoUnsupported') };
  if (typed.length < 2) return { problem: t('members.search.tooShort') };
  return { q: typed };
}

/**
 * Search box and results, the typed words kept in the address (`?cari=`) so Back returns to the same list.
 * Enter in the box searches.
 */
export function MemberSearch({ hrefOf, autoFocus = true }: MemberSearchProps) {
  const location = useLocation();
  const searched = location.query.cari ?? '';
  const [typed, setTyped] = useState(searched);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setTyped(searched), [searched]);

  const lookup = searched ? lookupOf(searched) : null;
  const results = useLoad<Member[] | null>(
    (signal) =>
      lookup && !('problem' in lookup)
        ? api.get('/api/v1/members', { query: lookup, signal })
        : Promise.resolve(null),
    [searched],
  );

  const search = () => {
    const next = lookupOf(typed);
    if ('problem' in next) {
      setProblem(next.problem);
      return;
    }
    setProblem(null);
    const query = new URLSearchParams({ cari: typed.trim() });
    if (typed.trim() === searched) results.reload();
    else location.route(`${location.path}?${query}`);
  };

  const found = results.data;
  return (
    <div class="member-search">
      <Form onSubmit={search} aria-label={t('members.search.label')} class="member-search__form">
        <TextField
          id="member-search"
          type="search"
          label={t('members.search.label')}
          hint={t('members.search.hint')}
          value={typed}
          onValue={(value) => {
            setTyped(value);
            setProblem(null);
          }}
          error={problem}
          autoComplete="off"
          spellcheck={false}
          autoFocus={autoFocus}
        />
        <button type="submit" class="button button--primary">
          {t('common.search')}
        </button>
      </Form>
      <ErrorMessage message={results.error} />
      {results.loading && searched && <p role="status">{t('app.loading')}</p>}
      {found && !results.loading && (
        <section aria-label={t('members.search.results')}>
          <p role="status" class="member-search__count">
            {found.length === 0
              ? t('members.search.none', { text: searched })
              : t('members.search.count', { count: found.length })}
          </p>
          {found.length > 0 && (
            <ul class="member-list">
              {found.map((member) => (
                <li key={member.id}>
                  <a class="member-list__item" href={hrefOf(member)}>
                    <span class="member-list__name">{member.fullName}</span>
                    <span class="member-list__meta">
                      <span>
                        {t('members.memberNo')}: <strong>{member.memberNo}</strong>
                      </span>
                      <span>
                        {t('members.nik')}: <span class="member-list__nik">{member.nik}</span>
                      </span>
                      <MemberStatusBadge status={member.status} />
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
