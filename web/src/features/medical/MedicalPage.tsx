import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, newRequestId } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { MyMedical } from './contracts';

/** The applicant's medical examination: book a day, see the allocated clinic, the state, the certificate. */
export function MedicalPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['medical', 'me'], queryFn: () => api<MyMedical>('GET', '/api/medical/me') });
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) return <ProblemMessage error={query.error} />;
  const me = query.data;
  return (
    <section className="medical" data-testid="medical-page" data-state={me.state}>
      <h1>{t('medical.applicant.title')}</h1>
      <div className="card" data-testid="medical-state">
        <h2>{t(`medical.state.${me.state}`)}</h2>
        <p className="muted">{t(`medical.state_help.${me.state}`)}</p>
      </div>
      {me.appointment ? <AppointmentCard me={me} /> : null}
      {me.canBook && !me.appointment ? <BookingForm me={me} /> : null}
      {me.certificate ? <CertificateCard certificate={me.certificate} /> : null}
    </section>
  );
}

function DayPicker({ days, value, onChange }: { days: MyMedical['bookableDays']; value: string; onChange: (day: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <label>
      {t('medical.booking.day')}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="booking-day" required>
        <option value="">{t('medical.booking.choose_day')}</option>
        {days.map((d) => (
          <option key={d.day} value={d.day} disabled={!d.open}>
            {formatDate(d.day, i18n.language)}
            {d.open ? '' : ` — ${t('medical.booking.full')}`}
          </option>
        ))}
      </select>
    </label>
  );
}

function useMedicalMutation(run: (requestId: string) => Promise<MyMedical>) {
  const queryClient = useQueryClient();
  const [requestId, setRequestId] = useState(newRequestId());
  return useMutation({
    mutationFn: () => run(requestId),
    onSuccess: (data) => {
      queryClient.setQueryData(['medical', 'me'], data);
      void queryClient.invalidateQueries({ queryKey: ['case'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      setRequestId(newRequestId());
    },
  });
}

function BookingForm({ me }: { me: MyMedical }) {
  const { t } = useTranslation();
  const [day, setDay] = useState('');
  const book = useMedicalMutation((requestId) => api<MyMedical>('POST', '/api/medical/appointments', { caseId: me.caseId, day, requestId }));
  return (
    <form
      className="card action-form"
      onSubmit={(e) => {
        e.preventDefault();
        book.mutate();
      }}
    >
      <h2>{t('medical.booking.title')}</h2>
      <p className="muted">{t('medical.booking.explain')}</p>
      <DayPicker days={me.bookableDays} value={day} onChange={setDay} />
      <ProblemMessage error={book.error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={!day || book.isPending} data-testid="book">
          {t('medical.booking.submit')}
        </button>
      </div>
    </form>
  );
}

function AppointmentCard({ me }: { me: MyMedical }) {
  const { t, i18n } = useTranslation();
  const appointment = me.appointment;
  const [day, setDay] = useState('');
  const [changing, setChanging] = useState(false);
  const move = useMedicalMutation((requestId) => api<MyMedical>('POST', `/api/medical/appointments/${appointment?.id}/reschedule`, { day, requestId }));
  const cancel = useMedicalMutation(() => api<MyMedical>('POST', `/api/medical/appointments/${appointment?.id}/cancel`));
  if (!appointment) return null;
  return (
    <section className="card" data-testid="appointment">
      <h2>{t('medical.appointment.title')}</h2>
      <dl className="facts">
        <dt>{t('medical.appointment.day')}</dt>
        <dd data-testid="appointment-day">{formatDate(appointment.day, i18n.language)}</dd>
        <dt>{t('medical.appointment.clinic')}</dt>
        <dd data-testid="appointment-clinic">{appointment.clinic.name}</dd>
        <dt>{t('medical.appointment.address')}</dt>
        <dd>{appointment.clinic.address}</dd>
        <dt>{t('medical.appointment.hours')}</dt>
        <dd>{t('medical.appointment.hours_value', { opens: appointment.clinic.opensAt, closes: appointment.clinic.closesAt })}</dd>
      </dl>
      <p className="muted small">
        {t('medical.appointment.allocated')}{' '}
        <a href={`/api/medical/appointments/${appointment.id}/allocation`} target="_blank" rel="noreferrer">
          {t('medical.appointment.check_draw')}
        </a>
      </p>
      {appointment.canChange ? (
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => setChanging((c) => !c)} data-testid="reschedule-open">
            {t('medical.appointment.reschedule')}
          </button>
          <button type="button" className="secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending} data-testid="cancel-booking">
            {t('medical.appointment.cancel')}
          </button>
        </div>
      ) : null}
      {changing ? (
        <form
          className="action-form"
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate(undefined, { onSuccess: () => setChanging(false) });
          }}
        >
          <DayPicker days={me.bookableDays} value={day} onChange={setDay} />
          <button type="submit" className="primary" disabled={!day || move.isPending}>
            {t('medical.appointment.reschedule_submit')}
          </button>
        </form>
      ) : null}
      <ProblemMessage error={move.error ?? cancel.error} />
    </section>
  );
}

function CertificateCard({ certificate }: { certificate: NonNullable<MyMedical['certificate']> }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card certificate" data-testid="certificate" data-certificate-status={certificate.status}>
      <h2>{t('medical.certificate.title')}</h2>
      <div className="certificate-body">
        <img
          src={`/api/medical/certificates/${certificate.id}/qr.png`}
          alt={t('medical.certificate.qr_alt')}
          width={220}
          height={220}
          data-testid="certificate-qr"
        />
        <dl className="facts">
          <dt>{t('medical.certificate.status')}</dt>
          <dd>{t(`medical.certificate_status.${certificate.status}`)}</dd>
          <dt>{t('medical.certificate.issued')}</dt>
          <dd>{formatDate(certificate.issuedAt, i18n.language)}</dd>
          <dt>{t('medical.certificate.valid_until')}</dt>
          <dd>{formatDate(certificate.validUntil, i18n.language)}</dd>
        </dl>
      </div>
      <div className="button-row">
        <a className="button primary" href={`/api/medical/certificates/${certificate.id}/pdf`} data-testid="certificate-pdf">
          {t('medical.certificate.download')}
        </a>
        <Link className="button secondary" to="/verify">
          {t('medical.certificate.verify')}
        </Link>
      </div>
      <details>
        <summary>{t('medical.certificate.code')}</summary>
        <textarea readOnly value={certificate.code} rows={4} className="code" data-testid="certificate-code" />
      </details>
    </section>
  );
}
