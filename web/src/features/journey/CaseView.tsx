import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../app/contracts';
import { formatDate } from '../../app/i18n';
import { StatusBadge } from '../../components/StatusBadge';
import { CaseActions } from './CaseActions';
import { JourneyTimeline } from './JourneyTimeline';
import { nameIn } from './names';
import { DeadlineList, NextStepCard } from './NextStepCard';
import { PreDepartureCard } from './PreDepartureCard';
import { PatentCard } from './PatentCard';
import { TravelCard } from './TravelCard';
import { ClearanceCard } from './ClearanceCard';
import { TransferRequestCard } from './TransferRequestCard';
import { useMe } from '../../app/session';

/** One case: who, where it stands, what comes next, the deadlines, the journey so far, and what may be done. */
export function CaseView({ kase, audience }: { kase: CaseDetail; audience: 'applicant' | 'official' }) {
  const { t, i18n } = useTranslation();
  const me = useMe();

  return (
    <div className="case-view" data-testid="case-view" data-case-status={kase.status}>
      <header className="case-header">
        <div>
          <h1>{audience === 'applicant' ? t('journey.case.my_title') : nameIn(kase.person.names, i18n.language)}</h1>
          <p className="muted">
            {t('journey.case.round', { round: kase.round.name })} · {kase.corridorCode}
          </p>
        </div>
        <StatusBadge status={kase.status} />
      </header>
      <div className="case-grid">
        <div className="case-main">
          <NextStepCard kase={kase} audience={audience} />

          <CaseActions kase={kase} />
          <DeadlineList deadlines={kase.deadlines} />
          {audience === 'applicant' || me.role === 'origin_agency' ? <PreDepartureCard kase={kase} /> : null}
          {audience === 'applicant' || me.role === 'origin_agency' ? <TravelCard kase={kase} /> : null}
          {audience === 'applicant' || me.role === 'origin_agency' ? <ClearanceCard kase={kase} /> : null}
          <PatentCard kase={kase} />
          {me.role === 'consular_office' && (kase.status === 'permitted' || kase.status === 'employed') ? <TransferRequestCard kase={kase} /> : null}
          {audience === 'official' ? <PersonCard kase={kase} /> : null}
        </div>
        <section className="card case-side">
          <h2>{t('journey.timeline.title')}</h2>
          <JourneyTimeline kase={kase} />
          {kase.arrivedOn ? <p className="muted">{t('journey.case.arrived_on', { date: formatDate(kase.arrivedOn, i18n.language) })}</p> : null}
        </section>
      </div>
    </div>
  );
}

function PersonCard({ kase }: { kase: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { names } = kase.person;
  return (
    <section className="card" data-testid="person-card">
      <h2>{t('journey.person.title')}</h2>
      <dl className="facts">
        <dt>{t('journey.person.name_latin')}</dt>
        <dd>
          {names.latin.surname} {names.latin.givenNames}
        </dd>
        <dt>{t('journey.person.name_origin')}</dt>
        <dd lang="tg">{nameIn(names, 'tg')}</dd>
        <dt>{t('journey.person.name_destination')}</dt>
        <dd lang="ru">{nameIn(names, 'ru')}</dd>
        <dt>{t('journey.person.birth_date')}</dt>
        <dd>{formatDate(kase.person.birthDate, i18n.language)}</dd>
      </dl>
    </section>
  );
}
