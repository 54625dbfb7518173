import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findTransition, type CaseAction } from '../../../../src/modules/journey/case.workflow';
import { api, newRequestId } from '../../app/api';
import { localToday } from '../../app/i18n';
import type { CaseDetail } from '../../app/contracts';
import { ProblemMessage } from '../../components/ProblemMessage';

/** The actions the caller may take now; those that need a reason or a date ask for it first. */
export function CaseActions({ kase }: { kase: CaseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(localToday());
  // One request id per attempt of an action, so a double click or a retry does not act twice.
  const [requestId, setRequestId] = useState(newRequestId());
  const mutation = useMutation({
    mutationFn: (input: { action: CaseAction; reason?: string; occurredOn?: string }) =>
      api<CaseDetail>('POST', `/api/cases/${kase.id}/actions`, { ...input, requestId }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['case', kase.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      setOpen(null);
      setReason('');
      setRequestId(newRequestId());
    },
  });
  if (kase.allowedActions.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    const transition = findTransition(kase.status, open);
    mutation.mutate({ action: open, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(transition?.records ? { occurredOn: date } : {}) });
  };
  const chosen = open ? findTransition(kase.status, open) : undefined;
  return (
    <section className="card actions" data-testid="case-actions">
      <h2>{t('journey.actions.title')}</h2>
      <div className="button-row">
        {kase.allowedActions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'withdraw' || action === 'close' ? 'secondary' : 'primary'}
            aria-expanded={open === action}
            data-testid={`action-${action}`}
            onClick={() => {
              setOpen(action);
              mutation.reset();
            }}
          >
            {t(`journey.action.${action}`)}
          </button>
        ))}
      </div>
      {open ? (
        <form className="action-form" onSubmit={submit}>
          <p>{t('journey.actions.confirm', { action: t(`journey.action.${open}`) })}</p>
          {chosen?.records ? (
            <label>
              {t(chosen.records === 'arrived_on' ? 'journey.actions.arrival_date' : 'journey.actions.departure_date')}
              <input type="date" value={date} max={localToday()} onChange={(e) => setDate(e.target.value)} required />
            </label>
          ) : null}
          {chosen?.reason ? (
            <label>
              {t(chosen.reason === 'required' ? 'journey.actions.reason_required' : 'journey.actions.reason_optional')}
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} required={chosen.reason === 'required'} rows={3} maxLength={1000} />
            </label>
          ) : null}
          <ProblemMessage error={mutation.error} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={mutation.isPending} data-testid="confirm-action">
              {t('common.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
