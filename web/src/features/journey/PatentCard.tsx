import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newRequestId } from '../../app/api';
import type { CaseDetail } from '../../app/contracts';
import { formatDate, localToday } from '../../app/i18n';
import { useMe } from '../../app/session';
import { ProblemMessage } from '../../components/ProblemMessage';

interface Patent {
  number: string;
  region: string;
  issuedOn: string;
  paidThrough: string;
  payments: Array<{ months: number; amountRub: number; paidOn: string }>;
}

const WITH_PATENT = ['arrived', 'permitted', 'employed', 'completed'];
const RECORDERS = ['applicant', 'employer', 'consular_office'];
const READERS = ['applicant', 'employer', 'consular_office', 'origin_agency', 'destination_agency'];

/** The work patent: recorded once after arrival, then paid month by month. */
export function PatentCard({ kase }: { kase: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const visible = WITH_PATENT.includes(kase.status) && READERS.includes(me.role);
  const query = useQuery({
    queryKey: ['case', kase.id, 'patent'],
    queryFn: () => api<{ patent: Patent | null }>('GET', `/api/cases/${kase.id}/patent`),
    enabled: visible,
  });
  if (!visible) return null;
  const patent = query.data?.patent;
  const canRecord = RECORDERS.includes(me.role);
  return (
    <section className="card" data-testid="patent">
      <h2>{t('journey.patent.title')}</h2>
      {patent ? (
        <dl className="facts">
          <dt>{t('journey.patent.number')}</dt>
          <dd>{patent.number}</dd>
          <dt>{t('journey.patent.region')}</dt>
          <dd>{patent.region}</dd>
          <dt>{t('journey.patent.issued_on')}</dt>
          <dd>{formatDate(patent.issuedOn, i18n.language)}</dd>
          <dt>{t('journey.patent.paid_through')}</dt>
          <dd data-testid="paid-through">{formatDate(patent.paidThrough, i18n.language)}</dd>
        </dl>
      ) : (
        <p className="muted">{t('journey.patent.none')}</p>
      )}
      {canRecord && kase.status === 'arrived' && !patent ? <PatentForm caseId={kase.id} /> : null}
      {canRecord && patent && (kase.status === 'permitted' || kase.status === 'employed') ? <PaymentForm caseId={kase.id} /> : null}
    </section>
  );
}

function PatentForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState('');
  const [region, setRegion] = useState('');
  const [issuedOn, setIssuedOn] = useState(localToday());
  const [amount, setAmount] = useState('');
  const [requestId] = useState(newRequestId());
  const mutation = useMutation({
    mutationFn: () =>
      api('POST', `/api/cases/${caseId}/patent`, {
        number,
        region: region.toUpperCase(),
        issuedOn,
        firstPayment: { months: 1, amountRub: Number(amount), paidOn: issuedOn },
        requestId,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="action-form" onSubmit={submit}>
      <label>
        {t('journey.patent.number')}
        <input value={number} onChange={(e) => setNumber(e.target.value)} required placeholder="66 2612345678" inputMode="numeric" />
      </label>
      <label>
        {t('journey.patent.region')}
        <input value={region} onChange={(e) => setRegion(e.target.value)} required placeholder="RU-SVE" />
      </label>
      <label>
        {t('journey.patent.issued_on')}
        <input type="date" value={issuedOn} max={localToday()} onChange={(e) => setIssuedOn(e.target.value)} required />
      </label>
      <label>
        {t('journey.patent.first_payment')}
        <input type="number" min={1} step="0.01" value={amount} onChange={(e) => setAmount(e.target.value)} required />
      </label>
      <ProblemMessage error={mutation.error} />
      <button type="submit" className="primary" disabled={mutation.isPending}>
        {t('journey.patent.record')}
      </button>
    </form>
  );
}

function PaymentForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [months, setMonths] = useState('1');
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(localToday());
  const [requestId, setRequestId] = useState(newRequestId());
  const mutation = useMutation({
    mutationFn: () => api('POST', `/api/cases/${caseId}/patent/payments`, { months: Number(months), amountRub: Number(amount), paidOn, requestId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      setAmount('');
      setRequestId(newRequestId());
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="action-form" onSubmit={submit}>
      <h3>{t('journey.patent.add_payment')}</h3>
      <label>
        {t('journey.patent.months')}
        <select value={months} onChange={(e) => setMonths(e.target.value)}>
          {[1, 2, 3, 6, 12].map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('journey.patent.amount')}
        <input type="number" min={1} step="0.01" value={amount} onChange={(e) => setAmount(e.target.value)} required />
      </label>
      <label>
        {t('journey.patent.paid_on')}
        <input type="date" value={paidOn} max={localToday()} onChange={(e) => setPaidOn(e.target.value)} required />
      </label>
      <ProblemMessage error={mutation.error} />
      <button type="submit" className="primary" disabled={mutation.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}
