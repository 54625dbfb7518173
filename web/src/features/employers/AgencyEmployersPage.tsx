import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { EmployerStatusBadge } from './RegistrationCard';
import { useReferenceNames } from './reference';
import type { EmployerView } from './types';

/** The destination agency checks employers' registration numbers, verifies or suspends them. */
export function AgencyEmployersPage() {
  const { t } = useTranslation();
  const employers = useQuery({ queryKey: ['employers'], queryFn: () => api<{ items: EmployerView[] }>('GET', '/api/employers') });
  return (
    <section>
      <h1>{t('employers.agency.title')}</h1>
      <p className="muted">{t('employers.agency.intro')}</p>
      {employers.isLoading ? <Loading /> : <ProblemMessage error={employers.error} />}
      <ul className="offer-list" data-testid="employer-list">
        {employers.data?.items.map((e) => (
          <EmployerItem key={e.organizationId} employer={e} />
        ))}
      </ul>
    </section>
  );
}

function EmployerItem({ employer }: { employer: EmployerView }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [suspending, setSuspending] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: ['employers'] });
  const verify = useMutation({ mutationFn: () => api('POST', `/api/employers/${employer.organizationId}/verify`), onSuccess: refresh });
  const suspend = useMutation({ mutationFn: () => api('POST', `/api/employers/${employer.organizationId}/suspend`, { reason }), onSuccess: refresh });
  return (
    <li className="card" data-testid="employer-item" data-inn={employer.inn}>
      <header className="case-header">
        <div>
          <h2>{employer.legalName}</h2>
          <p className="muted small">{employer.organizationName}</p>
        </div>
        <EmployerStatusBadge status={employer.status} />
      </header>
      <dl className="facts">
        <dt>{t('employers.registration.inn')}</dt>
        <dd>{employer.inn}</dd>
        <dt>{t('employers.registration.ogrn')}</dt>
        <dd>{employer.ogrn}</dd>
        <dt>{t('employers.registration.kpp')}</dt>
        <dd>{employer.kpp ?? '—'}</dd>
        <dt>{t('employers.registration.region')}</dt>
        <dd>{names.region(employer.region)}</dd>
        <dt>{t('employers.registration.address')}</dt>
        <dd>{employer.address}</dd>
      </dl>
      {employer.statusReason ? <p className="muted">{employer.statusReason}</p> : null}
      <div className="button-row">
        {employer.status !== 'verified' ? (
          <button type="button" className="primary" onClick={() => verify.mutate()} disabled={verify.isPending} data-testid="verify-employer">
            {employer.status === 'suspended' ? t('employers.agency.reinstate') : t('employers.agency.verify')}
          </button>
        ) : null}
        {employer.status !== 'suspended' ? (
          <button type="button" className="secondary" onClick={() => setSuspending(true)}>
            {t('employers.agency.suspend')}
          </button>
        ) : null}
      </div>
      {suspending ? (
        <form
          className="action-form"
          onSubmit={(e) => {
            e.preventDefault();
            suspend.mutate();
          }}
        >
          <label>
            {t('employers.agency.suspend_reason')}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} rows={2} />
          </label>
          <button type="submit" className="primary" disabled={suspend.isPending}>
            {t('common.confirm')}
          </button>
        </form>
      ) : null}
      <ProblemMessage error={verify.error ?? suspend.error} />
    </li>
  );
}
