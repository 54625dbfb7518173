import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate, localToday } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { DayList } from './contracts';

/** Clinic staff and head physician: the appointments of a day at their clinic. */
export function ClinicDayPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const day = params.get('day') ?? localToday();
  const query = useQuery({ queryKey: ['medical', 'day', day], queryFn: () => api<DayList>('GET', `/api/medical/day-list?day=${day}`) });
  const name = (n: DayList['items'][number]['name']) => (i18n.language === 'en' ? n.latin : i18n.language === 'ru' ? n.destination : n.origin);
  return (
    <section>
      <h1>{query.data ? t('medical.clinic.title_with_name', { clinic: query.data.clinic.name }) : t('medical.clinic.title')}</h1>
      <label className="inline">
        {t('medical.clinic.day')}
        <input type="date" value={day} onChange={(e) => setParams({ day: e.target.value })} data-testid="clinic-day" />
      </label>
      {query.isLoading ? <Loading /> : null}
      <ProblemMessage error={query.error} />
      {query.data && query.data.items.length === 0 ? <p className="card">{t('medical.clinic.empty', { day: formatDate(day, i18n.language) })}</p> : null}
      <ul className="case-list" data-testid="day-list">
        {query.data?.items.map((item) => (
          <li key={item.appointmentId} className="card row">
            <Link to={`/clinic/appointments/${item.appointmentId}`} className="stretched">
              <strong>{name(item.name)}</strong>
            </Link>
            <span className="muted">{formatDate(item.birthDate, i18n.language)}</span>
            <span className="muted">{t('medical.clinic.results_count', { count: item.resultsRecorded })}</span>
            <span className="badge">{t(`medical.exam_status.${item.examStatus ?? 'not_started'}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
