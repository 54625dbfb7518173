import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useReferenceNames } from './reference';
import type { EmployerView } from './types';

const TONE = { pending: 'warn', verified: 'good', suspended: 'bad' } as const;

export function EmployerStatusBadge({ status }: { status: EmployerView['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[status]}`} data-testid="employer-status" data-status={status}>
      {t(`employers.status.${status}`)}
    </span>
  );
}

/** The employer's registration data: the form until the agency verifies it, then a summary. */
export function RegistrationCard() {
  const { t } = useTranslation();
  const me = useQuery({
    queryKey: ['employer', 'me'],
    queryFn: () =>
      api<EmployerView>('GET', '/api/employers/me').catch((e: unknown) => (e instanceof ApiError && e.problem.status === 404 ? null : Promise.reject(e))),
  });
  const [editing, setEditing] = useState(false);
  const employer = me.data;
  if (me.isLoading) return null;
  if (employer && !editing) {
    return (
      <section className="card" data-testid="registration">
        <header className="case-header">
          <h2>{employer.legalName}</h2>
          <EmployerStatusBadge status={employer.status} />
        </header>
        <dl className="facts">
          <dt>{t('employers.registration.inn')}</dt>
          <dd>{employer.inn}</dd>
          <dt>{t('employers.registration.ogrn')}</dt>
          <dd>{employer.ogrn}</dd>
          {employer.kpp ? (
            <>
              <dt>{t('employers.registration.kpp')}</dt>
              <dd>{employer.kpp}</dd>
            </>
          ) : null}
          <dt>{t('employers.registration.address')}</dt>
          <dd>{employer.address}</dd>
        </dl>
        {employer.status === 'pending' ? <p className="muted">{t('employers.registration.pending_note')}</p> : null}
        {employer.status === 'suspended' ? (
          <p className="problem">{t('employers.registration.suspended_note', { reason: employer.statusReason ?? '' })}</p>
        ) : null}
        {employer.status === 'pending' ? (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t('employers.registration.edit')}
          </button>
        ) : null}
      </section>
    );
  }
  return <RegistrationForm initial={employer ?? null} onDone={() => setEditing(false)} />;
}

function RegistrationForm({ initial, onDone }: { initial: EmployerView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const client = useQueryClient();
  const [form, setForm] = useState({
    legalForm: initial?.legalForm ?? 'organization',
    legalName: initial?.legalName ?? '',
    inn: initial?.inn ?? '',
    ogrn: initial?.ogrn ?? '',
    kpp: initial?.kpp ?? '',
    region: initial?.region ?? 'RU-SVE',
    address: initial?.address ?? '',
  });
  const save = useMutation({
    mutationFn: () => api<EmployerView>('PUT', '/api/employers/me', { ...form, kpp: form.legalForm === 'organization' ? form.kpp : null }),
    onSuccess: (saved) => {
      client.setQueryData(['employer', 'me'], saved);
      onDone();
    },
  });
  const field = (key: keyof typeof form) => ({ value: form[key], onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card narrow-form" onSubmit={submit} data-testid="registration-form">
      <h2>{t('employers.registration.title')}</h2>
      <p className="muted">{t('employers.registration.intro')}</p>
      <label>
        {t('employers.registration.legal_form')}
        <select {...field('legalForm')}>
          <option value="organization">{t('employers.legal_form.organization')}</option>
          <option value="sole_proprietor">{t('employers.legal_form.sole_proprietor')}</option>
        </select>
      </label>
      <label>
        {t('employers.registration.legal_name')}
        <input {...field('legalName')} required maxLength={300} />
      </label>
      <label>
        {t('employers.registration.inn')}
        <input {...field('inn')} inputMode="numeric" required maxLength={12} name="inn" />
      </label>
      <label>
        {t('employers.registration.ogrn')}
        <input {...field('ogrn')} inputMode="numeric" required maxLength={15} name="ogrn" />
      </label>
      {form.legalForm === 'organization' ? (
        <label>
          {t('employers.registration.kpp')}
          <input {...field('kpp')} required maxLength={9} name="kpp" />
        </label>
      ) : null}
      <label>
        {t('employers.registration.region')}
        <select {...field('region')}>
          {names.data?.regions.map((r) => (
            <option key={r.code} value={r.code}>
              {names.region(r.code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('employers.registration.address')}
        <input {...field('address')} required maxLength={500} />
      </label>
      <ProblemMessage error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('employers.registration.submit')}
      </button>
    </form>
  );
}
