import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newRequestId } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { MatchRunView, RunComparison } from './types';

/** Matching runs: start one, watch its progress, compare two, publish one as the shortlists. */
export function RunsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const runs = useQuery({
    queryKey: ['runs'],
    queryFn: () => api<{ items: MatchRunView[] }>('GET', '/api/recruitment/runs'),
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false),
  });
  const [requestId, setRequestId] = useState(newRequestId());
  const start = useMutation({
    mutationFn: () => api<MatchRunView>('POST', '/api/recruitment/runs', { requestId }),
    onSuccess: () => {
      setRequestId(newRequestId());
      void client.invalidateQueries({ queryKey: ['runs'] });
    },
  });
  const [compare, setCompare] = useState<string[]>([]);
  return (
    <section>
      <h1>{t('recruitment.runs.title')}</h1>
      <p className="muted">{t('recruitment.runs.intro')}</p>
      <button type="button" className="primary" onClick={() => start.mutate()} disabled={start.isPending} data-testid="start-run">
        {t('recruitment.runs.start')}
      </button>
      <ProblemMessage error={start.error} />
      {runs.isLoading ? <Loading /> : <ProblemMessage error={runs.error} />}
      <ul className="offer-list" data-testid="runs">
        {runs.data?.items.map((run) => (
          <RunItem
            key={run.id}
            run={run}
            checked={compare.includes(run.id)}
            onCheck={(on) => setCompare((c) => (on ? [...c.filter((x) => x !== run.id), run.id].slice(-2) : c.filter((x) => x !== run.id)))}
          />
        ))}
      </ul>
      {compare.length === 2 ? <Comparison a={compare[0] as string} b={compare[1] as string} /> : null}
    </section>
  );
}

function RunItem({ run, checked, onCheck }: { run: MatchRunView; checked: boolean; onCheck: (on: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const publish = useMutation({
    mutationFn: () => api('POST', `/api/recruitment/runs/${run.id}/publish`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['runs'] }),
  });
  const progress = run.progress && run.progress.total > 0 ? Math.round((run.progress.done / run.progress.total) * 100) : run.status === 'done' ? 100 : 0;
  return (
    <li className="card" data-testid="run" data-run-status={run.status} data-published={run.publishedAt ? 'yes' : 'no'}>
      <header className="case-header">
        <div>
          <h2>{t('recruitment.runs.run_of', { date: formatDate(run.createdAt, i18n.language) })}</h2>
          <p className="muted small">{run.id.slice(0, 8)}</p>
        </div>
        <span className={`badge ${run.status === 'done' ? 'good' : run.status === 'failed' ? 'bad' : 'info'}`}>
          {t(`recruitment.run_status.${run.status}`)}
        </span>
      </header>
      {run.status === 'queued' || run.status === 'running' ? (
        <progress max={100} value={progress} aria-label={t('recruitment.runs.progress')}>
          {progress}%
        </progress>
      ) : null}
      {run.status === 'done' ? (
        <dl className="facts">
          <dt>{t('recruitment.runs.candidates')}</dt>
          <dd>{run.candidates}</dd>
          <dt>{t('recruitment.runs.seats')}</dt>
          <dd>{t('recruitment.runs.seats_value', { seats: run.seats ?? 0, vacancies: run.vacancies ?? 0 })}</dd>
          <dt>{t('recruitment.runs.assigned')}</dt>
          <dd data-testid="run-assigned">{run.assigned}</dd>
          <dt>{t('recruitment.runs.objective')}</dt>
          <dd>{run.objective}</dd>
          <dt>{t('recruitment.runs.duration')}</dt>
          <dd>{t('recruitment.runs.duration_value', { ms: run.durationMs ?? 0 })}</dd>
        </dl>
      ) : null}
      {run.error ? <p className="problem">{run.error}</p> : null}
      <div className="button-row">
        {run.status === 'done' && !run.publishedAt ? (
          <button type="button" className="primary" onClick={() => publish.mutate()} disabled={publish.isPending} data-testid="publish-run">
            {t('recruitment.runs.publish')}
          </button>
        ) : null}
        {run.publishedAt ? <span className="badge good">{t('recruitment.runs.published', { date: formatDate(run.publishedAt, i18n.language) })}</span> : null}
        {run.status === 'done' ? (
          <label className="inline small">
            <input type="checkbox" checked={checked} onChange={(e) => onCheck(e.target.checked)} /> {t('recruitment.runs.compare')}
          </label>
        ) : null}
      </div>
      <ProblemMessage error={publish.error} />
    </li>
  );
}

function Comparison({ a, b }: { a: string; b: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['runs', 'compare', a, b], queryFn: () => api<RunComparison>('GET', `/api/recruitment/runs/${a}/compare?with=${b}`) });
  if (!query.data) return <ProblemMessage error={query.error} />;
  const c = query.data;
  return (
    <section className="card" data-testid="comparison">
      <h2>{t('recruitment.compare.title')}</h2>
      <table>
        <thead>
          <tr>
            <th />
            <th>{a.slice(0, 8)}</th>
            <th>{b.slice(0, 8)}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>{t('recruitment.runs.assigned')}</th>
            <td>{c.a.assigned}</td>
            <td>{c.b.assigned}</td>
          </tr>
          <tr>
            <th>{t('recruitment.runs.objective')}</th>
            <td>{c.a.objective}</td>
            <td>{c.b.objective}</td>
          </tr>
          <tr>
            <th>{t('recruitment.compare.only_in')}</th>
            <td>{c.onlyInA}</td>
            <td>{c.onlyInB}</td>
          </tr>
        </tbody>
      </table>
      <p>{t('recruitment.compare.same', { count: c.sameAssignments })}</p>
    </section>
  );
}
