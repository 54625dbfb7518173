import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/i18n';
import { formatRub, useReferenceNames } from './reference';
import type { LabourRequestView } from './types';

const TONE = { submitted: 'warn', approved: 'good', rejected: 'bad', withdrawn: 'muted' } as const;

export function RequestStatusBadge({ status }: { status: LabourRequestView['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[status]}`} data-status={status}>
      {t(`employers.request_status.${status}`)}
    </span>
  );
}

/** The terms of a labour request, as employer, agencies and (in the offer) the worker read them. */
export function RequestFacts({ request }: { request: LabourRequestView }) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  return (
    <dl className="facts">
      <dt>{t('employers.request.occupation')}</dt>
      <dd>
        {request.occupation} · {names.occupation(request.occupation)}
      </dd>
      <dt>{t('employers.request.region')}</dt>
      <dd>{names.region(request.region)}</dd>
      <dt>{t('employers.request.sector')}</dt>
      <dd>{names.sector(request.sector)}</dd>
      <dt>{t('employers.request.seats')}</dt>
      <dd>{request.seats}</dd>
      <dt>{t('employers.request.wage')}</dt>
      <dd>
        {formatRub(request.wageRub, i18n.language)}{' '}
        <span className="muted small">({t('employers.request.minimum', { amount: formatRub(request.minimumWageRub, i18n.language) })})</span>
      </dd>
      <dt>{t('employers.request.hours')}</dt>
      <dd>{request.hoursPerWeek}</dd>
      <dt>{t('employers.request.housing')}</dt>
      <dd>{t(`employers.housing.${request.housing}`)}</dd>
      <dt>{t('employers.request.contract_months')}</dt>
      <dd>{request.contractMonths}</dd>
      <dt>{t('employers.request.start_on')}</dt>
      <dd>{formatDate(request.startOn, i18n.language)}</dd>
      <dt>{t('employers.request.requirements')}</dt>
      <dd>
        {t('employers.request.requirements_value', {
          skill: request.minSkillLevel,
          russian: t(`employers.russian_level.${request.minRussianLevel}`),
          years: request.minExperienceYears,
        })}
      </dd>
      {request.duties ? (
        <>
          <dt>{t('employers.request.duties')}</dt>
          <dd>{request.duties}</dd>
        </>
      ) : null}
      {request.decisionReason ? (
        <>
          <dt>{t('employers.request.decision_reason')}</dt>
          <dd>{request.decisionReason}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** A compact list of requests, each linking where the caller handles it. */
export function RequestList({ items, linkTo, testId }: { items: LabourRequestView[]; linkTo?: (r: LabourRequestView) => string; testId?: string }) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  if (items.length === 0) return <p className="card muted">{t('employers.requests.empty')}</p>;
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th>{t('employers.request.occupation')}</th>
            <th>{t('employers.request.region')}</th>
            <th>{t('employers.request.seats')}</th>
            <th>{t('employers.request.wage')}</th>
            <th>{t('employers.request.employer')}</th>
            <th>{t('employers.request.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-request-id={r.id}>
              <td>{linkTo ? <Link to={linkTo(r)}>{names.occupation(r.occupation)}</Link> : names.occupation(r.occupation)}</td>
              <td>{names.region(r.region)}</td>
              <td>{r.seats}</td>
              <td>{formatRub(r.wageRub, i18n.language)}</td>
              <td>{r.employerName}</td>
              <td>
                <RequestStatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
