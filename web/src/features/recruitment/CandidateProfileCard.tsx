import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ProblemMessage } from '../../components/ProblemMessage';
import { COMMON_OCCUPATIONS, useReferenceNames } from '../employers/reference';
import type { CandidateProfile } from './types';

const EDITABLE = ['registered', 'medical_booked', 'medical_cleared', 'medical_not_cleared', 'screening_hold', 'screened_clear', 'in_pool', 'shortlisted'];

/** What the candidate states for matching: occupation, levels, experience, skills, up to three regions. */
export function CandidateProfileCard({ caseId, status }: { caseId: string; status: string }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const client = useQueryClient();
  const profile = useQuery({
    queryKey: ['profile', caseId],
    queryFn: () => api<{ profile: CandidateProfile | null }>('GET', `/api/cases/${caseId}/candidate-profile`),
  });
  const [form, setForm] = useState({ occupation: '7112', skillLevel: '2', russianLevel: '1', experienceYears: '0', skills: '', regions: ['', '', ''] });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const p = profile.data?.profile;
    if (!p) return;
    setForm({
      occupation: p.occupation,
      skillLevel: String(p.skillLevel),
      russianLevel: String(p.russianLevel),
      experienceYears: String(p.experienceYears),
      skills: p.skills.join(', '),
      regions: [0, 1, 2].map((i) => p.preferredRegions[i] ?? ''),
    });
  }, [profile.data]);
  const save = useMutation({
    mutationFn: () =>
      api<CandidateProfile>('PUT', `/api/cases/${caseId}/candidate-profile`, {
        occupation: form.occupation,
        skillLevel: Number(form.skillLevel),
        russianLevel: Number(form.russianLevel),
        experienceYears: Number(form.experienceYears),
        skills: form.skills
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        preferredRegions: form.regions.filter(Boolean),
      }),
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: ['profile', caseId] });
    },
  });
  const editable = EDITABLE.includes(status);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <form className="card" onSubmit={onSubmit} data-testid="candidate-profile">
      <h2>{t('recruitment.profile.title')}</h2>
      <p className="muted small">{t('recruitment.profile.intro')}</p>
      <fieldset disabled={!editable} className="plain">
        <div className="form-grid">
          <label>
            {t('recruitment.profile.occupation')}
            <select value={form.occupation} onChange={(e) => setForm({ ...form, occupation: e.target.value })}>
              {[...new Set([form.occupation, ...COMMON_OCCUPATIONS])].map((code) => (
                <option key={code} value={code}>
                  {names.occupation(code)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('recruitment.profile.skill_level')}
            <input type="number" min={1} max={4} value={form.skillLevel} onChange={(e) => setForm({ ...form, skillLevel: e.target.value })} />
          </label>
          <label>
            {t('recruitment.profile.russian_level')}
            <select value={form.russianLevel} onChange={(e) => setForm({ ...form, russianLevel: e.target.value })}>
              {[0, 1, 2, 3, 4, 5].map((l) => (
                <option key={l} value={l}>
                  {t(`employers.russian_level.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('recruitment.profile.experience')}
            <input type="number" min={0} max={60} value={form.experienceYears} onChange={(e) => setForm({ ...form, experienceYears: e.target.value })} />
          </label>
          {[0, 1, 2].map((i) => (
            <label key={i}>
              {t('recruitment.profile.region', { rank: i + 1 })}
              <select value={form.regions[i]} onChange={(e) => setForm({ ...form, regions: form.regions.map((r, k) => (k === i ? e.target.value : r)) })}>
                <option value="">{t('recruitment.profile.any_region')}</option>
                {names.data?.regions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {names.region(r.code)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <label>
          {t('recruitment.profile.skills')}
          <input value={form.skills} onChange={(e) => setForm({ ...form, skills: e.target.value })} maxLength={600} />
        </label>
        <ProblemMessage error={save.error} />
        {saved ? <p className="ok-note">{t('recruitment.profile.saved')}</p> : null}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('recruitment.profile.save')}
        </button>
      </fieldset>
    </form>
  );
}
