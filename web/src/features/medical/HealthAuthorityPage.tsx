import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { ClinicStats, ClinicView, ProcedureView } from './contracts';
import { TEST_CODES } from './contracts';
import { PassRateChart } from './PassRateChart';

interface CredentialItem {
  id: string;
  type: string;
  issuedAt: string;
  validUntil: string;
  revokedAt: string | null;
  revocationReason: string | null;
  issuerName: string;
}

/** Health authority: per-clinic pass rates, clinics, procedure versions and revocations. */
export function HealthAuthorityPage() {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: ['medical', 'stats'], queryFn: () => api<ClinicStats>('GET', '/api/medical/stats') });
  return (
    <section data-testid="health-page">
      <h1>{t('medical.health.title')}</h1>
      <div className="card">
        <h2>{t('medical.stats.title')}</h2>
        {stats.data ? <PassRateChart stats={stats.data} /> : <Loading />}
        <ProblemMessage error={stats.error} />
      </div>
      <ClinicsCard stats={stats.data} />
      <ProceduresCard />
      <CredentialsCard />
    </section>
  );
}

function ClinicsCard({ stats }: { stats: ClinicStats | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const clinics = useQuery({ queryKey: ['medical', 'clinics'], queryFn: () => api<{ items: ClinicView[] }>('GET', '/api/medical/clinics') });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'approve' | 'suspend' }) => api<{ items: ClinicView[] }>('POST', `/api/medical/clinics/${id}/${action}`),
    onSuccess: (data) => {
      queryClient.setQueryData(['medical', 'clinics'], data);
      void queryClient.invalidateQueries({ queryKey: ['medical', 'stats'] });
    },
  });
  return (
    <div className="card">
      <h2>{t('medical.health.clinics')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('medical.health.clinic')}</th>
              <th>{t('medical.health.capacity')}</th>
              <th>{t('medical.health.hours')}</th>
              <th>{t('medical.health.volume')}</th>
              <th>{t('medical.health.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {clinics.data?.items.map((c) => {
              const s = stats?.clinics.find((x) => x.clinicId === c.id);
              return (
                <tr key={c.id} data-testid={`clinic-${c.id}`}>
                  <td>
                    {c.name}
                    <div className="muted small">{c.address}</div>
                  </td>
                  <td>{c.dailyCapacity}</td>
                  <td>
                    {c.opensAt}–{c.closesAt}
                  </td>
                  <td>{s ? t('medical.health.volume_value', { examined: s.examined, upcoming: s.upcoming }) : '—'}</td>
                  <td>
                    <span className="badge">{t(`medical.clinic_status.${c.status}`)}</span>
                  </td>
                  <td>
                    {c.status !== 'approved' ? (
                      <button type="button" className="secondary" onClick={() => act.mutate({ id: c.id, action: 'approve' })}>
                        {t('medical.health.approve')}
                      </button>
                    ) : (
                      <button type="button" className="secondary" onClick={() => act.mutate({ id: c.id, action: 'suspend' })} data-testid={`suspend-${c.id}`}>
                        {t('medical.health.suspend')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ProblemMessage error={clinics.error ?? act.error} />
    </div>
  );
}

function ProceduresCard() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const procedures = useQuery({ queryKey: ['medical', 'procedures'], queryFn: () => api<{ items: ProcedureView[] }>('GET', '/api/medical/procedures') });
  const current = procedures.data?.items.find((p) => p.status === 'approved');
  const [months, setMonths] = useState(12);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['medical', 'procedures'] });
  const draft = useMutation({
    mutationFn: () =>
      api('POST', '/api/medical/procedures', {
        code: current?.code ?? 'RU-MOH-FW',
        title: current?.title ?? 'Medical examination of foreign workers',
        tests: TEST_CODES.map((code) => ({ code, disqualifying: ['positive'] })),
        validityMonths: months,
        renewalWindowDays: current?.renewalWindowDays ?? 30,
      }),
    onSuccess: refresh,
  });
  const approve = useMutation({ mutationFn: (id: string) => api('POST', `/api/medical/procedures/${id}/approve`), onSuccess: refresh });
  return (
    <div className="card">
      <h2>{t('medical.health.procedures')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('medical.health.procedure')}</th>
              <th>{t('medical.health.tests')}</th>
              <th>{t('medical.health.validity')}</th>
              <th>{t('medical.health.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {procedures.data?.items.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.code} v{p.version}
                  <div className="muted small">{p.title}</div>
                </td>
                <td>{p.tests.map((x) => t(`medical.test.${x.code}`)).join(', ')}</td>
                <td>{t('medical.health.validity_value', { months: p.validityMonths, days: p.renewalWindowDays })}</td>
                <td>
                  <span className="badge">{t(`medical.procedure_status.${p.status}`)}</span>
                  {p.approvedAt ? <div className="muted small">{formatDate(p.approvedAt, i18n.language)}</div> : null}
                </td>
                <td>
                  {p.status === 'draft' ? (
                    <button type="button" className="secondary" onClick={() => approve.mutate(p.id)}>
                      {t('medical.health.approve')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="action-form"
        onSubmit={(e) => {
          e.preventDefault();
          draft.mutate();
        }}
      >
        <label className="inline">
          {t('medical.health.new_version_months')}
          <input type="number" min={1} max={60} value={months} onChange={(e) => setMonths(Number(e.target.value))} />
        </label>
        <button type="submit" className="secondary" disabled={draft.isPending}>
          {t('medical.health.new_version')}
        </button>
      </form>
      <ProblemMessage error={procedures.error ?? draft.error ?? approve.error} />
    </div>
  );
}

function CredentialsCard() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['credentials'], queryFn: () => api<{ items: CredentialItem[] }>('GET', '/api/credentials?limit=30') });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['credentials'] });
  const revoke = useMutation({ mutationFn: (id: string) => api('POST', `/api/credentials/${id}/revoke`, { reason: 'issued_in_error' }), onSuccess: refresh });
  const reissue = useMutation({ mutationFn: (id: string) => api('POST', `/api/medical/certificates/${id}/reissue`), onSuccess: refresh });
  return (
    <div className="card">
      <h2>{t('medical.health.certificates')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('medical.health.certificate')}</th>
              <th>{t('medical.health.issuer')}</th>
              <th>{t('medical.certificate.valid_until')}</th>
              <th>{t('medical.health.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((c) => (
              <tr key={c.id} data-testid={`credential-${c.id}`}>
                <td>
                  <code>{c.id.slice(0, 8)}</code>
                  <div className="muted small">{formatDate(c.issuedAt, i18n.language)}</div>
                </td>
                <td>{c.issuerName}</td>
                <td>{formatDate(c.validUntil, i18n.language)}</td>
                <td>
                  {c.revokedAt ? (
                    <span className="badge warn">{t(`credentials.reason.${c.revocationReason ?? 'issued_in_error'}`)}</span>
                  ) : (
                    <span className="badge">{t('medical.certificate_status.valid')}</span>
                  )}
                </td>
                <td>
                  {c.revokedAt ? null : (
                    <div className="button-row">
                      <button type="button" className="secondary" onClick={() => reissue.mutate(c.id)}>
                        {t('medical.health.reissue')}
                      </button>
                      <button type="button" className="secondary" onClick={() => revoke.mutate(c.id)}>
                        {t('medical.health.revoke')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProblemMessage error={list.error ?? revoke.error ?? reissue.error} />
    </div>
  );
}
