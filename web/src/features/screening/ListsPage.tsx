import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ReasonList } from './ReasonList';
import type { CheckResult, ImportResult, ListVersion } from './types';
import { FilePicker } from '../../components/FilePicker';

/** List versions with the progress of their pool rescreen, the import of a new version, and a one-person check. */
export function ListsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const versions = useQuery({
    queryKey: ['screening', 'lists'],
    queryFn: () => api<{ items: ListVersion[] }>('GET', '/api/screening/lists'),
    // While a rescreen runs, its progress is polled.
    refetchInterval: (q) => (q.state.data?.items.some((v) => v.rescreen && v.rescreen.status !== 'done' && v.rescreen.status !== 'failed') ? 1000 : false),
  });
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState('');
  const upload = useMutation({
    mutationFn: async () =>
      api<ImportResult>('POST', '/api/screening/lists', { source: source.trim() || file?.name || 'upload', csv: file ? await file.text() : '' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['screening'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate();
  };
  return (
    <section>
      <h1>{t('screening.lists.title')}</h1>
      {versions.isLoading ? <Loading /> : <ProblemMessage error={versions.error} />}
      {versions.data?.items.length === 0 ? <p className="card">{t('screening.lists.none')}</p> : null}
      <ul className="case-list" data-testid="list-versions">
        {versions.data?.items.map((v) => (
          <li key={v.id} className="card row">
            <strong>{t('screening.lists.version', { version: v.version })}</strong>
            {v.inForce ? <span className="badge good">{t('screening.lists.in_force')}</span> : null}
            <span className="muted">{t('screening.lists.entries', { count: v.entries })}</span>
            <span className="muted">
              {v.source} · {formatDate(v.importedAt, i18n.language)}
            </span>
            {v.rescreen ? (
              v.rescreen.status === 'done' ? (
                <span className="muted small">{t('screening.lists.rescreen_done')}</span>
              ) : (
                <span className="progress-line" data-testid="rescreen-progress">
                  <progress max={v.rescreen.progress?.total ?? 1} value={v.rescreen.progress?.done ?? 0} />
                  {t('screening.lists.rescreen', { done: v.rescreen.progress?.done ?? 0, total: v.rescreen.progress?.total ?? 0 })}
                </span>
              )
            ) : null}
          </li>
        ))}
      </ul>
      <form className="card action-form" onSubmit={submit}>
        <h2>{t('screening.lists.import')}</h2>
        <p className="muted small">{t('screening.lists.format')}</p>
        <FilePicker label={t('screening.lists.file')} accept=".csv,text/csv" required files={file ? [file] : []} onFiles={([picked]) => setFile(picked ?? null)} />
        <label>
          {t('screening.lists.source')}
          <input value={source} onChange={(e) => setSource(e.target.value)} maxLength={200} />
        </label>
        <ProblemMessage error={upload.error} />
        {upload.data ? <p className="card ok">{t('screening.lists.imported', { version: upload.data.version, count: upload.data.entries })}</p> : null}
        <button type="submit" className="primary" disabled={!file || upload.isPending}>
          {t('screening.lists.submit')}
        </button>
      </form>
      <CheckForm />
    </section>
  );
}

function CheckForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const check = useMutation({ mutationFn: () => api<CheckResult>('POST', '/api/screening/check', { name, birthDate }) });
  return (
    <form
      className="card action-form"
      onSubmit={(e) => {
        e.preventDefault();
        check.mutate();
      }}
    >
      <h2>{t('screening.check.title')}</h2>
      <label>
        {t('screening.check.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={300} />
      </label>
      <label>
        {t('screening.check.birth_date')}
        <input value={birthDate} onChange={(e) => setBirthDate(e.target.value)} maxLength={10} inputMode="numeric" />
      </label>
      <ProblemMessage error={check.error} />
      <button type="submit" className="primary" disabled={!name.trim() || check.isPending}>
        {t('screening.check.submit')}
      </button>
      {check.data && check.data.hits.length === 0 ? <p className="muted">{t('screening.check.none', { version: check.data.listVersion ?? 0 })}</p> : null}
      <ul className="review-list">
        {check.data?.hits.map((hit) => (
          <li key={hit.entry.listId} className="card review-row">
            <strong>{hit.entry.name}</strong> <span className="muted">{hit.entry.birthDate || '—'}</span>{' '}
            <span className={`badge ${hit.decision === 'match' ? 'bad' : 'warn'}`}>{t(`screening.decision.${hit.decision}`)}</span>
            <ReasonList reasons={hit.reasons} />
          </li>
        ))}
      </ul>
    </form>
  );
}
