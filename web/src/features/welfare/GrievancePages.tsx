import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { GRIEVANCE_CATEGORIES } from '../../../../src/modules/welfare/grievance.workflow';
import { api, newRequestId } from '../../app/api';
import type { GrievanceDetail, GrievanceSummary } from '../../app/contracts';
import { formatDate } from '../../app/i18n';
import { useMe } from '../../app/session';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ACCEPTED_FILES, MAX_FILE_BYTES, readFileAsBase64 } from './files';
import { GrievanceThread } from './GrievanceThread';
import { SlaClock } from './SlaClock';
import { FilePicker } from '../../components/FilePicker';

/** Worker: his grievances and the form to file one. Offices: the queue, most urgent first. */
export function GrievanceListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const escalated = params.get('escalated') ?? '';
  const query = useQuery({
    queryKey: ['grievances', status, escalated],
    queryFn: () =>
      api<{ items: GrievanceSummary[] }>('GET', `/api/grievances?limit=100${status ? `&status=${status}` : ''}${escalated ? `&escalated=${escalated}` : ''}`),
    refetchInterval: 60_000,
  });
  return (
    <section>
      <h1>{t(me.role === 'applicant' ? 'welfare.list.mine' : 'welfare.list.queue')}</h1>
      {me.role === 'applicant' ? <NewGrievanceForm /> : null}
      {me.role !== 'applicant' ? (
        <div className="button-row filters">
          <label className="inline">
            {t('welfare.list.status')}
            <select value={status} onChange={(e) => setParams({ ...(e.target.value ? { status: e.target.value } : {}), ...(escalated ? { escalated } : {}) })}>
              <option value="">{t('welfare.list.all')}</option>
              {(['open', 'acknowledged', 'resolved', 'closed', 'withdrawn'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`welfare.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={escalated === 'true'}
              onChange={(e) => setParams({ ...(status ? { status } : {}), ...(e.target.checked ? { escalated: 'true' } : {}) })}
            />
            {t('welfare.list.escalated_only')}
          </label>
        </div>
      ) : null}
      {query.isLoading ? <Loading /> : <ProblemMessage error={query.error} />}
      {query.data && query.data.items.length === 0 ? <p className="card">{t('welfare.list.empty')}</p> : null}
      <ul className="case-list" data-testid="grievance-list">
        {query.data?.items.map((g) => (
          <li key={g.id} className="card row">
            <Link to={`/grievances/${g.id}`} className="stretched">
              <strong>{t(`welfare.category.${g.category}`)}</strong> · {g.reference}
            </Link>
            <span className="muted">{g.workerName ?? formatDate(g.createdAt, i18n.language)}</span>
            <span className="badge info">{t(`welfare.status.${g.status}`)}</span>
            <SlaClock grievance={g} />
          </li>
        ))}
      </ul>
      {me.role !== 'applicant' && me.role !== 'employer' ? <StatisticsLink /> : null}
    </section>
  );
}

function StatisticsLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/grievances/statistics">{t('welfare.stats.link')}</Link>
    </p>
  );
}

function NewGrievanceForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState<(typeof GRIEVANCE_CATEGORIES)[number] | ''>('');
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [requestId] = useState(newRequestId());
  const tooBig = files.some((f) => f.size > MAX_FILE_BYTES);
  const mutation = useMutation({
    mutationFn: async () =>
      api<GrievanceDetail>('POST', '/api/grievances', { category, message, attachments: await Promise.all(files.map(readFileAsBase64)), requestId }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['grievances'] });
      void navigate(`/grievances/${created.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="card" onSubmit={submit} data-testid="new-grievance">
      <h2>{t('welfare.new.title')}</h2>
      <p className="muted">{t('welfare.new.intro')}</p>
      <label>
        {t('welfare.new.category')}
        <select value={category} onChange={(e) => setCategory(e.target.value as typeof category)} required data-testid="grievance-category">
          <option value="">—</option>
          {GRIEVANCE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`welfare.category.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('welfare.new.message')}
        <textarea
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          rows={5}
          minLength={5}
          maxLength={5000}
          required
          data-testid="grievance-message"
        />
      </label>
      <FilePicker label={t('welfare.reply.files')} accept={ACCEPTED_FILES} multiple files={files} onFiles={(picked) => setFiles(picked.slice(0, 5))} />
      {tooBig ? <p className="problem">{t('welfare.new.too_big')}</p> : null}
      <ProblemMessage error={mutation.error} />
      <button type="submit" className="primary" disabled={mutation.isPending || tooBig || !category || message.trim().length < 5} data-testid="file-grievance">
        {t('welfare.new.submit')}
      </button>
    </form>
  );
}

export function GrievanceDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useQuery({ queryKey: ['grievance', id], queryFn: () => api<GrievanceDetail>('GET', `/api/grievances/${id}`), refetchInterval: 30_000 });
  return (
    <>
      <p>
        <Link to="/grievances">← {t('welfare.list.back')}</Link>
      </p>
      {query.isLoading ? <Loading /> : query.error ? <ProblemMessage error={query.error} /> : query.data ? <GrievanceThread grievance={query.data} /> : null}
    </>
  );
}
