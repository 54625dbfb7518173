import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GRIEVANCE_CATEGORIES } from '../../../../src/modules/welfare/grievance.workflow';
import { api } from '../../app/api';
import type { GrievanceStats } from '../../app/contracts';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';

/** Grievances per employer, so the agencies see which employers generate complaints. */
export function GrievanceStatisticsPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['grievances', 'statistics'], queryFn: () => api<GrievanceStats>('GET', '/api/grievances/statistics') });
  const max = Math.max(1, ...(query.data?.employers.map((e) => e.total) ?? [1]));
  return (
    <section>
      <h1>{t('welfare.stats.title')}</h1>
      {query.isLoading ? <Loading /> : <ProblemMessage error={query.error} />}
      <div className="table-wrap">
        <table data-testid="grievance-stats">
          <thead>
            <tr>
              <th>{t('welfare.stats.employer')}</th>
              <th>{t('welfare.stats.total')}</th>
              {GRIEVANCE_CATEGORIES.map((c) => (
                <th key={c}>{t(`welfare.category.${c}`)}</th>
              ))}
              <th>{t('welfare.stats.open')}</th>
              <th>{t('welfare.stats.escalated')}</th>
              <th>{t('welfare.stats.median_hours')}</th>
            </tr>
          </thead>
          <tbody>
            {query.data?.employers.map((e) => (
              <tr key={e.organizationId ?? 'none'}>
                <td>{e.organizationName ?? t('welfare.stats.no_employer')}</td>
                <td>
                  <span className="bar" style={{ width: `${(e.total / max) * 100}%` }} aria-hidden="true" /> {e.total}
                </td>
                {GRIEVANCE_CATEGORIES.map((c) => (
                  <td key={c}>{e.byCategory[c] ?? 0}</td>
                ))}
                <td>{e.open}</td>
                <td>{e.escalated}</td>
                <td>{e.medianHoursToAcknowledge ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
