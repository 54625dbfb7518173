import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';

interface AuditEvents {
  items: Array<{ seq: number; occurredAt: string; actorRole: string; eventType: string; entityType: string; entityId: string; hash: string }>;
}

export function AuditPage() {
  const { t } = useTranslation();
  const verify = useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: () => api<{ ok: boolean; rows: number; broken?: { seq: number; reason: string } }>('GET', '/api/audit/verify'),
  });
  const events = useQuery({ queryKey: ['audit', 'events'], queryFn: () => api<AuditEvents>('GET', '/api/audit/events?limit=100') });
  return (
    <section>
      <h1>{t('admin.audit.title')}</h1>
      {verify.data ? (
        <p className={`card ${verify.data.ok ? 'ok' : 'bad'}`} data-testid="audit-verify">
          {verify.data.ok ? t('admin.audit.chain_ok', { count: verify.data.rows }) : t('admin.audit.chain_broken', { seq: verify.data.broken?.seq ?? 0 })}
        </p>
      ) : null}
      {events.isLoading ? <Loading /> : <ProblemMessage error={events.error ?? verify.error} />}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('admin.audit.when')}</th>
              <th>{t('admin.audit.actor')}</th>
              <th>{t('admin.audit.event')}</th>
              <th>{t('admin.audit.entity')}</th>
            </tr>
          </thead>
          <tbody>
            {events.data?.items.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{new Date(e.occurredAt).toLocaleString()}</td>
                <td>{e.actorRole}</td>
                <td>
                  <code>{e.eventType}</code>
                </td>
                <td>
                  <code>
                    {e.entityType}:{e.entityId.slice(0, 8)}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
