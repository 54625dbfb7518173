import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { useMe } from '../../app/session';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';

interface Transfer {
  id: string;
  caseId: string;
  status: 'pending' | 'approved' | 'refused';
  reason: string;
  fromEmployer: string | null;
  toEmployer: string;
  originDecision: 'consent' | 'refuse' | null;
  destinationDecision: 'consent' | 'refuse' | null;
  createdAt: string;
}

/** Agencies: moves of workers to another employer, each needing both agencies' consent. */
export function TransfersPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['transfers'], queryFn: () => api<{ items: Transfer[] }>('GET', '/api/transfers') });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'consent' | 'refuse' }) => api('POST', `/api/transfers/${id}/decision`, { decision }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['transfers'] }),
  });
  const mine = (tr: Transfer) => (me.role === 'origin_agency' ? tr.originDecision : tr.destinationDecision);
  return (
    <section>
      <h1>{t('journey.transfer.title')}</h1>
      {query.isLoading ? <Loading /> : <ProblemMessage error={query.error ?? decide.error} />}
      {query.data?.items.length === 0 ? <p className="card">{t('journey.transfer.none')}</p> : null}
      <ul className="case-list">
        {query.data?.items.map((tr) => (
          <li key={tr.id} className="card">
            <p>
              <strong>
                {tr.fromEmployer ?? '—'} → {tr.toEmployer}
              </strong>{' '}
              <span className="muted">{formatDate(tr.createdAt, i18n.language)}</span>
            </p>
            <p>{tr.reason}</p>
            <p className="muted">
              {t('journey.transfer.origin')}: {tr.originDecision ? t(`journey.transfer.${tr.originDecision}`) : t('journey.transfer.waiting')} ·{' '}
              {t('journey.transfer.destination')}: {tr.destinationDecision ? t(`journey.transfer.${tr.destinationDecision}`) : t('journey.transfer.waiting')}
            </p>
            <div className="button-row">
              <span className={`badge ${tr.status === 'approved' ? 'good' : tr.status === 'refused' ? 'bad' : 'info'}`}>
                {t(`journey.transfer.status_${tr.status}`)}
              </span>
              {me.role !== 'consular_office' && tr.status === 'pending' && !mine(tr) ? (
                <>
                  <button type="button" className="primary" onClick={() => decide.mutate({ id: tr.id, decision: 'consent' })} disabled={decide.isPending}>
                    {t('journey.transfer.consent')}
                  </button>
                  <button type="button" className="secondary" onClick={() => decide.mutate({ id: tr.id, decision: 'refuse' })} disabled={decide.isPending}>
                    {t('journey.transfer.refuse')}
                  </button>
                </>
              ) : null}
              {me.role !== 'destination_agency' ? <Link to={`/cases/${tr.caseId}`}>{t('journey.transfer.open_case')}</Link> : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
