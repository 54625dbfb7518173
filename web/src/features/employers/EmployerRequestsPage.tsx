import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RegistrationCard } from './RegistrationCard';
import { RequestForm } from './RequestForm';
import { RequestList } from './RequestSummary';
import type { EmployerView, LabourRequestView } from './types';

/** The employer's home: registration, labour requests, and a new request once verified. */
export function EmployerRequestsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const me = useQuery({
    queryKey: ['employer', 'me'],
    queryFn: () =>
      api<EmployerView>('GET', '/api/employers/me').catch((e: unknown) => (e instanceof ApiError && e.problem.status === 404 ? null : Promise.reject(e))),
  });
  const requests = useQuery({ queryKey: ['labour-requests', 'mine'], queryFn: () => api<{ items: LabourRequestView[] }>('GET', '/api/labour-requests') });
  return (
    <section>
      <h1>{t('employers.requests.title')}</h1>
      <RegistrationCard />
      {me.data?.status === 'verified' ? (
        creating ? (
          <RequestForm onDone={() => setCreating(false)} />
        ) : (
          <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="new-request">
            {t('employers.requests.new')}
          </button>
        )
      ) : null}
      <h2 className="section-title">{t('employers.requests.list')}</h2>
      {requests.isLoading ? <Loading /> : <ProblemMessage error={requests.error} />}
      {requests.data ? <RequestList items={requests.data.items} linkTo={(r) => `/employer/requests/${r.id}`} testId="employer-requests" /> : null}
    </section>
  );
}
