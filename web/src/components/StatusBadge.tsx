import { useTranslation } from 'react-i18next';

const TONE: Record<string, string> = {
  medical_not_cleared: 'warn',
  screening_hold: 'warn',
  refused: 'bad',
  withdrawn: 'muted',
  closed: 'muted',
  returned: 'muted',
  completed: 'good',
  employed: 'good',
  permitted: 'good',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[status] ?? 'info'}`} data-status={status}>
      {t(`journey.status.${status}`)}
    </span>
  );
}
