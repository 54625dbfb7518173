import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASE_STATUSES } from '../../../../src/modules/journey/case.workflow';
import { api } from '../../app/api';
import type { CaseList } from '../../app/contracts';
import { useMe } from '../../app/session';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';

/** An official's overview: cases in view per status, each a link to the filtered list. */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery({ queryKey: ['cases', 'overview'], queryFn: () => api<CaseList>('GET', '/api/cases?limit=1') });
  const counts = query.data?.countsByStatus ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <section>
      <h1>{t('home.overview.title')}</h1>
      <p className="muted">{me.organizationName}</p>
      {query.isLoading ? <Loading /> : <ProblemMessage error={query.error} />}
      <p>{t('home.overview.total', { count: total })}</p>
      <ul className="tiles" data-testid="status-tiles">
        {CASE_STATUSES.filter((s) => counts[s]).map((s) => (
          <li key={s}>
            <Link to={`/cases?status=${s}`} className="tile">
              <span className="tile-count">{counts[s]}</span>
              <span className="tile-label">{t(`journey.status.${s}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
