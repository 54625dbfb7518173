import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATUSES } from '../../../../src/modules/journey/case.workflow';
import { api } from '../../app/api';
import type { CaseList } from '../../app/contracts';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { StatusBadge } from '../../components/StatusBadge';
import { nameIn } from './names';

export function CaseListPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const query = useInfiniteQuery({
    queryKey: ['cases', 'list', status],
    queryFn: ({ pageParam }) => api<CaseList>('GET', `/api/cases?limit=25${status ? `&status=${status}` : ''}${pageParam ? `&cursor=${pageParam}` : ''}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const counts = query.data?.pages[0]?.countsByStatus ?? {};
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h1>{t('journey.list.title')}</h1>
      <label className="inline">
        {t('journey.list.filter')}
        <select value={status} onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})} data-testid="status-filter">
          <option value="">{t('journey.list.all')}</option>
          {CASE_STATUSES.filter((s) => counts[s]).map((s) => (
            <option key={s} value={s}>
              {t(`journey.status.${s}`)} ({counts[s]})
            </option>
          ))}
        </select>
      </label>
      {query.isLoading ? <Loading /> : null}
      <ProblemMessage error={query.error} />
      {!query.isLoading && items.length === 0 ? <p className="card">{t('journey.list.empty')}</p> : null}
      <ul className="case-list" data-testid="case-list">
        {items.map((c) => (
          <li key={c.id} className="card row">
            <Link to={`/cases/${c.id}`} className="stretched">
              <strong>{nameIn(c.person.names, i18n.language)}</strong>
            </Link>
            <span className="muted">{formatDate(c.person.birthDate, i18n.language)}</span>
            <span className="muted">{c.round.name}</span>
            <StatusBadge status={c.status} />
          </li>
        ))}
      </ul>
      {query.hasNextPage ? (
        <button type="button" className="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t('journey.list.more')}
        </button>
      ) : null}
    </section>
  );
}
