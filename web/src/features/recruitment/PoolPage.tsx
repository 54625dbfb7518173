import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { StatusBadge } from '../../components/StatusBadge';
import { useReferenceNames } from '../employers/reference';
import { nameIn } from '../journey/names';
import type { PoolCandidate } from './types';

/** The origin agency's candidate pool: who waits, for what work, where, and for how long. */
export function PoolPage() {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const pool = useQuery({ queryKey: ['pool'], queryFn: () => api<{ items: PoolCandidate[] }>('GET', '/api/recruitment/pool') });
  return (
    <section>
      <h1>{t('recruitment.pool.title')}</h1>
      <p className="muted">{t('recruitment.pool.count', { count: pool.data?.items.length ?? 0 })}</p>
      {pool.isLoading ? <Loading /> : <ProblemMessage error={pool.error} />}
      <div className="table-wrap">
        <table data-testid="pool">
          <thead>
            <tr>
              <th>{t('recruitment.pool.name')}</th>
              <th>{t('recruitment.profile.occupation')}</th>
              <th>{t('recruitment.pool.levels')}</th>
              <th>{t('recruitment.pool.regions')}</th>
              <th>{t('recruitment.pool.waiting')}</th>
              <th>{t('recruitment.pool.status')}</th>
            </tr>
          </thead>
          <tbody>
            {pool.data?.items.map((c) => (
              <tr key={c.caseId}>
                <td>
                  <Link to={`/cases/${c.caseId}`}>{nameIn(c.person.names, i18n.language)}</Link>
                </td>
                <td>{c.profile ? names.occupation(c.profile.occupation) : <span className="muted">{t('recruitment.pool.no_profile')}</span>}</td>
                <td>
                  {c.profile
                    ? t('recruitment.pool.levels_value', {
                        skill: c.profile.skillLevel,
                        russian: t(`employers.russian_level.${c.profile.russianLevel}`),
                        years: c.profile.experienceYears,
                      })
                    : ''}
                </td>
                <td>
                  {c.profile
                    ? c.profile.preferredRegions.length
                      ? c.profile.preferredRegions.map((r) => names.region(r)).join(', ')
                      : t('recruitment.profile.any_region')
                    : ''}
                </td>
                <td>{t('recruitment.pool.days', { count: c.waitingDays })}</td>
                <td>
                  <StatusBadge status={c.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
