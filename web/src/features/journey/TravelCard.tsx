import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { CaseDetail } from '../../app/contracts';
import { formatDate } from '../../app/i18n';

/** The worker's travel group: when and how he leaves. */
export function TravelCard({ kase }: { kase: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['case', kase.id, 'travel'],
    queryFn: () => api<{ group: { name: string; departureDate: string; route: string } | null }>('GET', `/api/cases/${kase.id}/travel`),
    enabled: kase.status === 'contracted',
  });
  const group = query.data?.group;
  if (kase.status !== 'contracted' || !group) return null;
  return (
    <section className="card" data-testid="travel">
      <h2>{t('journey.travel.title')}</h2>
      <dl className="facts">
        <dt>{t('journey.travel.group')}</dt>
        <dd>{group.name}</dd>
        <dt>{t('journey.travel.date')}</dt>
        <dd>{formatDate(group.departureDate, i18n.language)}</dd>
        <dt>{t('journey.travel.route')}</dt>
        <dd>{group.route}</dd>
      </dl>
    </section>
  );
}
