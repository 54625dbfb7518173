import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import type { CaseDetail } from '../../app/contracts';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useReferenceNames } from '../employers/reference';

interface DirectoryEntry {
  organizationId: string;
  legalName: string;
  inn: string;
  region: string;
}

/**
 * The Tajik office in Moscow asks, on the worker's behalf, to move him to another verified employer; the
 * move happens once both agencies consent (their decisions show on the transfers page).
 */
export function TransferRequestCard({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const client = useQueryClient();
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const directory = useQuery({ queryKey: ['employer-directory'], queryFn: () => api<{ items: DirectoryEntry[] }>('GET', '/api/employers/directory') });
  const request = useMutation({
    mutationFn: () => api<{ id: string }>('POST', `/api/cases/${kase.id}/transfers`, { toOrganizationId: target, reason: reason.trim(), requestId }),
    onSuccess: () => {
      setTarget('');
      setReason('');
      setRequestId(crypto.randomUUID());
      void client.invalidateQueries({ queryKey: ['transfers'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  const choices = (directory.data?.items ?? []).filter((e) => e.organizationId !== kase.employerOrganizationId);
  return (
    <section className="card" data-testid="transfer-request">
      <h2>{t('journey.transfer.request_title')}</h2>
      <p className="muted small">{t('journey.transfer.request_note')}</p>
      <form className="action-form" onSubmit={submit}>
        <label>
          {t('journey.transfer.to_employer')}
          <select value={target} onChange={(e) => setTarget(e.target.value)} required data-testid="transfer-target">
            <option value="">{t('journey.transfer.choose_employer')}</option>
            {choices.map((e) => (
              <option key={e.organizationId} value={e.organizationId}>
                {e.legalName} · {names.region(e.region)} · {t('journey.transfer.inn', { inn: e.inn })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('journey.transfer.reason')}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} minLength={5} maxLength={1000} required data-testid="transfer-reason" />
        </label>
        <ProblemMessage error={directory.error ?? request.error} />
        {request.isSuccess ? (
          <p className="ok-note" data-testid="transfer-requested">
            {t('journey.transfer.requested')} <Link to="/transfers">{t('journey.transfer.title')}</Link>
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={request.isPending || !target || reason.trim().length < 5} data-testid="transfer-submit">
          {t('journey.transfer.request_submit')}
        </button>
      </form>
    </section>
  );
}
