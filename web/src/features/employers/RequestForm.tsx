import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newRequestId } from '../../app/api';
import { ProblemMessage } from '../../components/ProblemMessage';
import { COMMON_OCCUPATIONS, formatRub, useReferenceNames } from './reference';
import type { LabourRequestView } from './types';

/** A new labour request; the regional minimum wage is shown and checked again by the server. */
export function RequestForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const client = useQueryClient();
  const nextYear = new Date().getFullYear() + 1;
  const [requestId, setRequestId] = useState(newRequestId());
  const [form, setForm] = useState({
    occupation: '7112',
    region: 'RU-SVE',
    sector: '41',
    seats: '2',
    wageRub: '70000',
    hoursPerWeek: '40',
    housing: 'free',
    contractMonths: '12',
    startOn: `${nextYear}-03-01`,
    minSkillLevel: '2',
    minRussianLevel: '1',
    minExperienceYears: '1',
    duties: '',
  });
  const submit = useMutation({
    mutationFn: () =>
      api<LabourRequestView>('POST', '/api/labour-requests', {
        requestId,
        occupation: form.occupation,
        region: form.region,
        sector: form.sector,
        seats: Number(form.seats),
        wageRub: Number(form.wageRub),
        hoursPerWeek: Number(form.hoursPerWeek),
        housing: form.housing,
        contractMonths: Number(form.contractMonths),
        startOn: form.startOn,
        minSkillLevel: Number(form.minSkillLevel),
        minRussianLevel: Number(form.minRussianLevel),
        minExperienceYears: Number(form.minExperienceYears),
        duties: form.duties,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['labour-requests'] });
      setRequestId(newRequestId());
      onDone();
    },
  });
  const field = (key: keyof typeof form) => ({
    value: form[key],
    name: key,
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const minimum = names.data?.regions.find((r) => r.code === form.region)?.minimumWageRub;
  const occupations = [...new Set([...COMMON_OCCUPATIONS, ...(names.data?.occupations.map((o) => o.code) ?? [])])];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <form className="card" onSubmit={onSubmit} data-testid="request-form">
      <h2>{t('employers.request_form.title')}</h2>
      <div className="form-grid">
        <label>
          {t('employers.request.occupation')}
          <select {...field('occupation')}>
            {occupations.map((code) => (
              <option key={code} value={code}>
                {code} · {names.occupation(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('employers.request.region')}
          <select {...field('region')}>
            {names.data?.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {names.region(r.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('employers.request.sector')}
          <select {...field('sector')}>
            {names.data?.sectors.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} · {names.sector(s.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('employers.request.seats')}
          <input type="number" min={1} max={10000} required {...field('seats')} />
        </label>
        <label>
          {t('employers.request.wage')}
          <input type="number" min={1} required {...field('wageRub')} />
          {minimum ? <small className="muted">{t('employers.request_form.minimum_hint', { amount: formatRub(minimum, i18n.language) })}</small> : null}
        </label>
        <label>
          {t('employers.request.hours')}
          <input type="number" min={1} max={40} required {...field('hoursPerWeek')} />
        </label>
        <label>
          {t('employers.request.housing')}
          <select {...field('housing')}>
            {(['free', 'paid', 'none'] as const).map((h) => (
              <option key={h} value={h}>
                {t(`employers.housing.${h}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('employers.request.contract_months')}
          <input type="number" min={1} max={36} required {...field('contractMonths')} />
        </label>
        <label>
          {t('employers.request.start_on')}
          <input type="date" required {...field('startOn')} />
        </label>
        <label>
          {t('employers.request.min_skill')}
          <input type="number" min={1} max={4} required {...field('minSkillLevel')} />
        </label>
        <label>
          {t('employers.request.min_russian')}
          <select {...field('minRussianLevel')}>
            {[0, 1, 2, 3, 4, 5].map((l) => (
              <option key={l} value={l}>
                {t(`employers.russian_level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('employers.request.min_experience')}
          <input type="number" min={0} max={40} required {...field('minExperienceYears')} />
        </label>
      </div>
      <label>
        {t('employers.request.duties')}
        <textarea rows={2} maxLength={1000} {...field('duties')} />
      </label>
      <ProblemMessage error={submit.error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={submit.isPending} data-testid="submit-request">
          {t('employers.request_form.submit')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
