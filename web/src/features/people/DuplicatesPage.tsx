import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { nameIn } from '../journey/names';
import { ReasonList } from '../screening/ReasonList';
import type { DuplicateCandidate } from './types';

/** Probable duplicate registrations for the agency: merge, keep apart, or undo either. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['people', 'duplicates'],
    queryFn: () => api<{ items: DuplicateCandidate[] }>('GET', '/api/people/duplicates?limit=100'),
  });
  const decide = useMutation({
    mutationFn: ({ id, verb }: { id: string; verb: 'merge' | 'keep-apart' | 'reopen' }) =>
      api<DuplicateCandidate>('POST', `/api/people/duplicates/${id}/${verb}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
  const items = query.data?.items ?? [];
  return (
    <section>
      <h1>{t('people.duplicates.title')}</h1>
      {query.isLoading ? <Loading /> : <ProblemMessage error={query.error ?? decide.error} />}
      {query.data && items.length === 0 ? <p className="card">{t('people.duplicates.empty')}</p> : null}
      <ul className="review-list" data-testid="duplicates">
        {items.map((d) => (
          <li key={d.id} className="card review-row" data-status={d.status}>
            <div className="review-grid">
              <PersonLine label={t('people.duplicates.new')} person={d.person} />
              <PersonLine label={t('people.duplicates.existing')} person={d.candidate} />
            </div>
            <p>
              <span className="badge info">{t(`people.duplicate_status.${d.status}`)}</span>{' '}
              <span className="muted small">{t('people.duplicates.score', { score: d.score.toFixed(2) })}</span>
            </p>
            <ReasonList reasons={d.reasons} />
            <div className="button-row">
              {d.status === 'open' ? (
                <>
                  <button type="button" className="primary" disabled={decide.isPending} onClick={() => decide.mutate({ id: d.id, verb: 'merge' })}>
                    {t('people.duplicates.merge')}
                  </button>
                  <button type="button" className="secondary" disabled={decide.isPending} onClick={() => decide.mutate({ id: d.id, verb: 'keep-apart' })}>
                    {t('people.duplicates.keep_apart')}
                  </button>
                </>
              ) : (
                <button type="button" className="secondary" disabled={decide.isPending} onClick={() => decide.mutate({ id: d.id, verb: 'reopen' })}>
                  {t('people.duplicates.reopen')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PersonLine({ label, person }: { label: string; person: DuplicateCandidate['person'] }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <p className="muted small">{label}</p>
      <Link to={`/people/${person.id}`}>{nameIn(person.names, i18n.language)}</Link>
      <p className="muted small">
        {person.names.latin.surname} {person.names.latin.givenNames} · {t('people.person.birth_date')}: {formatDate(person.birthDate, i18n.language)}
      </p>
    </div>
  );
}
