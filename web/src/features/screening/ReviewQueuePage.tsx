import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { nameIn } from '../journey/names';
import { ReasonList } from './ReasonList';
import type { ReviewItem } from './types';

/** The MVD office's queue: pending matches, best score first. */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['screening', 'reviews'],
    queryFn: () => api<{ items: ReviewItem[]; counts: Record<string, number> }>('GET', '/api/screening/reviews?limit=100'),
  });
  const items = query.data?.items ?? [];
  return (
    <section>
      <h1>{t('screening.queue.title')}</h1>
      {query.isLoading ? <Loading /> : <ProblemMessage error={query.error} />}
      {query.data ? <p className="muted">{t('screening.queue.pending', { count: items.length })}</p> : null}
      {query.data && items.length === 0 ? <p className="card">{t('screening.queue.empty')}</p> : null}
      <ul className="review-list" data-testid="review-queue">
        {items.map((item) => (
          <li key={item.id} className="card review-row">
            <div>
              <Link to={`/screening/reviews/${item.id}`} className="review-name" data-testid="review-link">
                {nameIn(item.person.names, i18n.language)}
              </Link>
              <span className="muted"> · {formatDate(item.person.birthDate, i18n.language)}</span>
            </div>
            <div className="review-entry">
              <span lang="ru">{item.entry.name}</span>
              <span className="muted"> · {item.entry.birthDate || '—'}</span>
            </div>
            <div className="review-meta">
              <span className={`badge ${item.decision === 'match' ? 'bad' : 'warn'}`}>{t(`screening.decision.${item.decision}`)}</span>
              <span className="badge info">{t(`screening.status.${item.status}`)}</span>
              <span className="muted small">{t('screening.review.score', { score: item.score.toFixed(2) })}</span>
            </div>
            <ReasonList reasons={item.reasons} />
          </li>
        ))}
      </ul>
    </section>
  );
}
