import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, newRequestId } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { StatusBadge } from '../../components/StatusBadge';
import { ReasonList } from './ReasonList';
import type { ReviewItem } from './types';

type Verb = 'clear' | 'propose-refusal' | 'confirm-refusal';

/** One match: the candidate's three name forms beside the list entry, the reasons, and the decision. */
export function ReviewPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [requestId, setRequestId] = useState(newRequestId());
  const query = useQuery({ queryKey: ['screening', 'review', id], queryFn: () => api<ReviewItem>('GET', `/api/screening/reviews/${id}`) });
  const decide = useMutation({
    mutationFn: (verb: Verb) => api<ReviewItem>('POST', `/api/screening/reviews/${id}/${verb}`, { reason: reason.trim(), requestId }),
    onSuccess: (item) => {
      queryClient.setQueryData(['screening', 'review', id], item);
      void queryClient.invalidateQueries({ queryKey: ['screening', 'reviews'] });
      setReason('');
      setRequestId(newRequestId());
    },
  });
  if (query.isLoading) return <Loading />;
  if (!query.data) return <ProblemMessage error={query.error} />;
  const item = query.data;
  const pending = item.status === 'open' || item.status === 'refusal_proposed';
  const submit = (verb: Verb) => (event?: FormEvent) => {
    event?.preventDefault();
    if (reason.trim()) decide.mutate(verb);
  };
  const { names } = item.person;
  return (
    <section data-testid="review" data-status={item.status}>
      <p>
        <Link to="/screening">← {t('screening.review.back')}</Link>
      </p>
      <h1>{t('screening.review.title')}</h1>
      <div className="review-grid">
        <section className="card">
          <h2>{t('screening.review.person')}</h2>
          <dl className="facts">
            <dt>{t('people.person.latin')}</dt>
            <dd>
              {names.latin.surname} {names.latin.givenNames}
            </dd>
            <dt>{t('people.person.origin')}</dt>
            <dd lang="tg">{[names.origin.surname, names.origin.givenNames, names.origin.patronymic].filter(Boolean).join(' ')}</dd>
            <dt>{t('people.person.destination')}</dt>
            <dd lang="ru">{[names.destination.surname, names.destination.givenNames, names.destination.patronymic].filter(Boolean).join(' ')}</dd>
            <dt>{t('people.person.birth_date')}</dt>
            <dd>{formatDate(item.person.birthDate, i18n.language)}</dd>
            {item.caseStatus ? (
              <>
                <dt>{t('screening.review.case_status')}</dt>
                <dd>
                  <StatusBadge status={item.caseStatus} />
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card">
          <h2>{t('screening.review.entry')}</h2>
          <p className="entry-name" data-testid="entry-name">
            {item.entry.name}
          </p>
          <p className="muted">{item.entry.birthDate || '—'}</p>
          <p className="muted small">{t('screening.review.list_id', { id: item.entry.listId, version: item.listVersion })}</p>
        </section>
      </div>
      <section className="card">
        <h2>{t('screening.review.why')}</h2>
        <p>
          <span className={`badge ${item.decision === 'match' ? 'bad' : 'warn'}`}>{t(`screening.decision.${item.decision}`)}</span>{' '}
          <span className="badge info" data-testid="review-status">
            {t(`screening.status.${item.status}`)}
          </span>{' '}
          <span className="muted">{t('screening.review.score', { score: item.score.toFixed(2) })}</span>
        </p>
        <ReasonList reasons={item.reasons} />
        {item.proposedAt ? (
          <p className="muted">{t('screening.review.proposed', { date: formatDate(item.proposedAt, i18n.language), reason: item.proposalReason ?? '' })}</p>
        ) : null}
        {item.decidedAt ? (
          <p className="muted">{t('screening.review.decided', { date: formatDate(item.decidedAt, i18n.language), reason: item.decisionReason ?? '' })}</p>
        ) : null}
      </section>
      {pending ? (
        <form className="card action-form" onSubmit={submit('clear')}>
          <label>
            {t('screening.review.reason')}
            <textarea name="reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={1000} required />
          </label>
          <ProblemMessage error={decide.error} />
          {item.status === 'refusal_proposed' && item.proposedByMe ? <p className="muted">{t('screening.review.second_officer')}</p> : null}
          <div className="button-row">
            <button type="submit" className="primary" disabled={decide.isPending || !reason.trim()} data-testid="clear-match">
              {t('screening.review.clear')}
            </button>
            {item.status === 'open' ? (
              <button
                type="button"
                className="secondary"
                disabled={decide.isPending || !reason.trim()}
                onClick={() => submit('propose-refusal')()}
                data-testid="propose-refusal"
              >
                {t('screening.review.propose_refusal')}
              </button>
            ) : null}
            {item.status === 'refusal_proposed' && !item.proposedByMe ? (
              <button
                type="button"
                className="secondary"
                disabled={decide.isPending || !reason.trim()}
                onClick={() => submit('confirm-refusal')()}
                data-testid="confirm-refusal"
              >
                {t('screening.review.confirm_refusal')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
