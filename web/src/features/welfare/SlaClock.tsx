import { useTranslation } from 'react-i18next';
import type { GrievanceSummary } from '../../app/contracts';

/** Hours left to acknowledge, or how late; nothing once acknowledged. */
export function SlaClock({ grievance }: { grievance: GrievanceSummary }) {
  const { t } = useTranslation();
  if (grievance.slaHoursLeft === null) return null;
  const late = grievance.slaHoursLeft < 0;
  const hours = Math.abs(Math.round(grievance.slaHoursLeft));
  return (
    <span className={`days ${late ? 'overdue' : grievance.slaHoursLeft < 12 ? 'due_soon' : 'upcoming'}`} data-testid="sla-clock">
      {late ? t('welfare.sla.late', { hours }) : t('welfare.sla.left', { hours })}
    </span>
  );
}
