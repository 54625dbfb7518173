import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RequestFacts, RequestList, RequestStatusBadge } from './RequestSummary';
import type { LabourRequestView } from './types';

/** The destination agency approves submitted requests (bans, wage, quota checked) or rejects them. */
export function AgencyRequestsPage() {
  const { t } = useTranslation();
  const submitted = useQuery({
    queryKey: ['labour-requests', 'submitted'],
    queryFn: () => api<{ items: LabourRequestView[] }>('GET', '/api/labour-requests?status=submitted'),
  });
  const decided = useQuery({ queryKey: ['labour-requests', 'all'], queryFn: () => api<{ items: LabourRequestView[] }>('GET', '/api/labour-requests') });
  return (
    <section>
      <h1>{t('employers.approvals.title')}</h1>
      <h2 className="section-title">{t('employers.approvals.waiting')}</h2>
      {submitted.isLoading ? <Loading /> : <ProblemMessage error={submitted.error} />}
      {submitted.data?.items.length === 0 ? <p className="card muted">{t('employers.approvals.none')}</p> : null}
      <ul className="offer-list" data-testid="submitted-requests">
        {submitted.data?.items.map((r) => (
          <Decision key={r.id} request={r} />
        ))}
      </ul>
      <h2 className="section-title">{t('employers.approvals.all')}</h2>
      {decided.data ? <RequestList items={decided.data.items.filter((r) => r.status !== 'submitted')} /> : null}
    </section>
  );
}

function Decision({ request }: { request: LabourRequestView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      api('POST', `/api/labour-requests/${request.id}/decision`, { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['labour-requests'] }),
  });
  return (
    <li className="card" data-testid="submitted-request">
      <header className="case-header">
        <h2>{request.employerName}</h2>
        <RequestStatusBadge status={request.status} />
      </header>
      <RequestFacts request={request} />
      <label>
        {t('employers.approvals.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
      </label>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => decide.mutate('approve')} disabled={decide.isPending} data-testid="approve-request">
          {t('employers.approvals.approve')}
        </button>
        <button type="button" className="secondary" onClick={() => decide.mutate('reject')} disabled={decide.isPending}>
          {t('employers.approvals.reject')}
        </button>
      </div>
      <ProblemMessage error={decide.error} />
    </li>
  );
}
