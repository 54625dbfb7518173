import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newRequestId } from '../../app/api';
import type { CaseDetail } from '../../app/contracts';
import { formatDate, localToday } from '../../app/i18n';
import { useMe } from '../../app/session';
import { ProblemMessage } from '../../components/ProblemMessage';

interface Records {
  items: Array<{ id: string; kind: 'orientation' | 'language_certificate'; completedOn: string; reference: string | null; score: number | null }>;
}
interface Eligibility {
  eligible: boolean;
  requirements: Array<{ requirement: string; met: boolean }>;
}

const KINDS = ['orientation', 'language_certificate'] as const;
const BEFORE_DEPARTURE = [
  'registered',
  'medical_booked',
  'medical_cleared',
  'screening_hold',
  'screened_clear',
  'in_pool',
  'shortlisted',
  'selected',
  'offered',
  'contracted',
];

/** What pool entry requires and what is done: a checklist for the worker, record forms for the agency. */
export function PreDepartureCard({ kase }: { kase: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const eligibility = useQuery({ queryKey: ['case', kase.id, 'eligibility'], queryFn: () => api<Eligibility>('GET', `/api/cases/${kase.id}/eligibility`) });
  const records = useQuery({ queryKey: ['case', kase.id, 'pre-departure'], queryFn: () => api<Records>('GET', `/api/cases/${kase.id}/pre-departure`) });
  if (!BEFORE_DEPARTURE.includes(kase.status)) return null;
  const canRecord = me.role === 'origin_agency';
  return (
    <section className="card" data-testid="pre-departure">
      <h2>{t('journey.pre_departure.title')}</h2>
      <ul className="checklist">
        {eligibility.data?.requirements.map((r) => (
          <li key={r.requirement} className={r.met ? 'met' : 'unmet'} data-requirement={r.requirement}>
            <span aria-hidden="true">{r.met ? '✓' : '○'}</span> {t(`journey.requirement.${r.requirement}`)}
          </li>
        ))}
      </ul>
      {records.data?.items.length ? (
        <dl className="facts">
          {records.data.items.map((r) => (
            <div key={r.id} className="fact-row">
              <dt>{t(`journey.requirement.${r.kind}`)}</dt>
              <dd>
                {formatDate(r.completedOn, i18n.language)}
                {r.reference ? ` · ${r.reference}` : ''}
                {r.score !== null ? ` · ${r.score}%` : ''}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {canRecord ? <RecordForm kase={kase} done={new Set(records.data?.items.map((r) => r.kind))} /> : null}
    </section>
  );
}

function RecordForm({ kase, done }: { kase: CaseDetail; done: Set<string> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const open = KINDS.filter((k) => !done.has(k));
  const [kind, setKind] = useState<(typeof KINDS)[number] | ''>('');
  const [completedOn, setCompletedOn] = useState(localToday());
  const [reference, setReference] = useState('');
  const [score, setScore] = useState('');
  const [requestId, setRequestId] = useState(newRequestId());
  const mutation = useMutation({
    mutationFn: () =>
      api('POST', `/api/cases/${kase.id}/pre-departure`, {
        kind,
        completedOn,
        requestId,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(score ? { score: Number(score) } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['case', kase.id] });
      setKind('');
      setReference('');
      setScore('');
      setRequestId(newRequestId());
    },
  });
  if (open.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="action-form" onSubmit={submit}>
      <label>
        {t('journey.pre_departure.record')}
        <select value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])} required data-testid="pre-departure-kind">
          <option value="">—</option>
          {open.map((k) => (
            <option key={k} value={k}>
              {t(`journey.requirement.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind ? (
        <>
          <label>
            {t('journey.pre_departure.completed_on')}
            <input type="date" value={completedOn} max={localToday()} onChange={(e) => setCompletedOn(e.target.value)} required />
          </label>
          <label>
            {t(kind === 'language_certificate' ? 'journey.pre_departure.certificate_number' : 'journey.pre_departure.group')}
            <input value={reference} onChange={(e) => setReference(e.target.value)} required={kind === 'language_certificate'} maxLength={100} />
          </label>
          <label>
            {t('journey.pre_departure.score')}
            <input type="number" min={0} max={100} value={score} onChange={(e) => setScore(e.target.value)} />
          </label>
          <ProblemMessage error={mutation.error} />
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {t('common.save')}
          </button>
        </>
      ) : null}
    </form>
  );
}
