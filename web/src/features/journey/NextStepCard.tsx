import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../app/contracts';
import { formatDate } from '../../app/i18n';

type Deadline = CaseDetail['deadlines'][number];

export function DaysLeft({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  if (deadline.daysLeft < 0) return <span className="days overdue">{t('journey.deadline.overdue', { count: -deadline.daysLeft })}</span>;
  if (deadline.daysLeft === 0) return <span className="days due_soon">{t('journey.deadline.today')}</span>;
  return <span className={`days ${deadline.state}`}>{t('journey.deadline.days_left', { count: deadline.daysLeft })}</span>;
}

export function NextStepCard({ kase, audience }: { kase: CaseDetail; audience: 'applicant' | 'official' }) {
  const { t, i18n } = useTranslation();
  const { code, deadline } = kase.nextStep;
  return (
    <section className="card next-step" data-testid="next-step">
      <h2>{t(audience === 'applicant' ? 'journey.next_step.title' : 'journey.next_step.title_official')}</h2>

      <p className="next-step-text">{t(`journey.next_step.${code}`)}</p>
      {deadline ? (
        <p className="deadline-line">
          {t('journey.next_step.due', { date: formatDate(deadline.dueOn, i18n.language) })} <DaysLeft deadline={deadline} />
        </p>
      ) : null}
    </section>
  );
}

export function DeadlineList({ deadlines }: { deadlines: CaseDetail['deadlines'] }) {
  const { t, i18n } = useTranslation();
  if (deadlines.length === 0) return null;
  return (
    <section className="card" data-testid="deadlines">
      <h2>{t('journey.deadlines.title')}</h2>
      <ul className="deadlines">
        {deadlines.map((d) => (
          <li key={`${d.kind}-${d.dueOn}`} className={d.state}>
            <span>{t(`journey.deadline.${d.kind}`)}</span>
            <span className="due">{formatDate(d.dueOn, i18n.language)}</span>
            <DaysLeft deadline={d} />
          </li>
        ))}
      </ul>
    </section>
  );
}
