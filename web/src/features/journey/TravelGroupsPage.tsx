import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { CaseList } from '../../app/contracts';
import { formatDate, localToday } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { nameIn } from './names';

interface TravelGroup {
  id: string;
  corridorCode: string;
  name: string;
  departureDate: string;
  route: string;
  departed: boolean;
  members: number;
}

/** Origin agency: group contracted workers for travel and record their departure together. */
export function TravelGroupsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: ['travel-groups'], queryFn: () => api<{ items: TravelGroup[] }>('GET', '/api/travel-groups') });
  const contracted = useQuery({ queryKey: ['cases', 'contracted'], queryFn: () => api<CaseList>('GET', '/api/cases?status=contracted&limit=200') });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [groupId, setGroupId] = useState('');
  const invalidate = () => {
    void queryClient.invalidateQueries({ queryKey: ['travel-groups'] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };
  const addMembers = useMutation({
    mutationFn: () => api('POST', `/api/travel-groups/${groupId}/members`, { caseIds: [...selected] }),
    onSuccess: () => {
      setSelected(new Set());
      invalidate();
    },
  });
  const depart = useMutation({ mutationFn: (id: string) => api('POST', `/api/travel-groups/${id}/depart`), onSuccess: invalidate });
  return (
    <section>
      <h1>{t('journey.travel.groups_title')}</h1>
      <NewGroupForm onCreated={invalidate} />
      {groups.isLoading ? <Loading /> : <ProblemMessage error={groups.error ?? depart.error} />}
      <ul className="case-list">
        {groups.data?.items.map((g) => (
          <li key={g.id} className="card row">
            <strong>{g.name}</strong>
            <span className="muted">
              {formatDate(g.departureDate, i18n.language)} · {g.route}
            </span>
            <span>{t('journey.travel.members', { count: g.members })}</span>
            {g.departed ? (
              <span className="badge good">{t('journey.status.departed')}</span>
            ) : (
              <button type="button" className="secondary" onClick={() => depart.mutate(g.id)} disabled={depart.isPending || g.members === 0}>
                {t('journey.travel.depart_group')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <section className="card">
        <h2>{t('journey.travel.assign')}</h2>
        <ul className="checklist">
          {contracted.data?.items.map((c) => (
            <li key={c.id}>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={selected.has(c.id)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(c.id);
                    else next.delete(c.id);
                    setSelected(next);
                  }}
                />
                {nameIn(c.person.names, i18n.language)}
              </label>
            </li>
          ))}
        </ul>
        <label className="inline">
          {t('journey.travel.group')}
          <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">—</option>
            {groups.data?.items
              .filter((g) => !g.departed)
              .map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
          </select>
        </label>
        <ProblemMessage error={addMembers.error} />
        <button type="button" className="primary" disabled={!groupId || selected.size === 0 || addMembers.isPending} onClick={() => addMembers.mutate()}>
          {t('journey.travel.add_members')}
        </button>
      </section>
    </section>
  );
}

function NewGroupForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [departureDate, setDepartureDate] = useState(localToday());
  const [route, setRoute] = useState('');
  const mutation = useMutation({
    mutationFn: () => api('POST', '/api/travel-groups', { corridorCode: 'TJ-RU', name, departureDate, route }),
    onSuccess: () => {
      setName('');
      setRoute('');
      onCreated();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('journey.travel.new_group')}</h2>
      <label>
        {t('journey.travel.group')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
      </label>
      <label>
        {t('journey.travel.date')}
        <input type="date" value={departureDate} min={localToday()} onChange={(e) => setDepartureDate(e.target.value)} required />
      </label>
      <label>
        {t('journey.travel.route')}
        <input value={route} onChange={(e) => setRoute(e.target.value)} required maxLength={300} placeholder="DYU → SVX" />
      </label>
      <ProblemMessage error={mutation.error} />
      <button type="submit" className="primary" disabled={mutation.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}
