import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api';
import type { CaseDetail } from '../../app/contracts';
import { formatDate } from '../../app/i18n';

const WITH_CLEARANCE = ['contracted', 'departed'];

/** The signed QR the worker shows at the border and to the employer: cleared, for whom, until when. */
export function ClearanceCard({ kase }: { kase: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['case', kase.id, 'clearance'],
    queryFn: async () => {
      try {
        return await api<{ credentialId: string; validUntil: string }>('GET', `/api/cases/${kase.id}/clearance`);
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 404) return null;
        throw error;
      }
    },
    enabled: WITH_CLEARANCE.includes(kase.status),
  });
  if (!WITH_CLEARANCE.includes(kase.status) || !query.data) return null;
  return (
    <section className="card qr-card" data-testid="clearance">
      <h2>{t('journey.clearance.title')}</h2>
      <img src={`/api/cases/${kase.id}/clearance.png`} alt={t('journey.clearance.alt')} width={260} height={260} />
      <p className="muted small">{t('journey.clearance.note', { date: formatDate(query.data.validUntil, i18n.language) })}</p>
    </section>
  );
}
