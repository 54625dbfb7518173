import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newRequestId } from '../../app/api';
import type { GrievanceDetail } from '../../app/contracts';
import { formatDate } from '../../app/i18n';
import { useMe } from '../../app/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ACCEPTED_FILES, readFileAsBase64 } from './files';
import { SlaClock } from './SlaClock';
import { FilePicker } from '../../components/FilePicker';

/** One grievance: its status, its thread (what the caller may read), a reply box and the actions allowed. */
export function GrievanceThread({ grievance }: { grievance: GrievanceDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<'worker' | 'internal' | 'employer'>('worker');
  const [files, setFiles] = useState<File[]>([]);
  const [requestId, setRequestId] = useState(newRequestId());
  const refresh = (updated: GrievanceDetail) => {
    queryClient.setQueryData(['grievance', grievance.id], updated);
    void queryClient.invalidateQueries({ queryKey: ['grievances'] });
    setRequestId(newRequestId());
  };
  const reply = useMutation({
    mutationFn: async () => {
      const attachments = await Promise.all(files.map(readFileAsBase64));
      return api<GrievanceDetail>('POST', `/api/grievances/${grievance.id}/messages`, {
        body,
        attachments,
        requestId,
        ...(me.role === 'consular_office' ? { audience } : {}),
      });
    },
    onSuccess: (updated) => {
      refresh(updated);
      setBody('');
      setFiles([]);
    },
  });
  const act = useMutation({
    mutationFn: (action: string) =>
      api<GrievanceDetail>('POST', `/api/grievances/${grievance.id}/actions`, { action, requestId, ...(body.trim() ? { message: body.trim() } : {}) }),
    onSuccess: (updated) => {
      refresh(updated);
      setBody('');
    },
  });
  const open = grievance.status !== 'closed' && grievance.status !== 'withdrawn';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate();
  };
  return (
    <section className="grievance" data-testid="grievance" data-status={grievance.status}>
      <header className="case-header">
        <div>
          <h1>
            {t(`welfare.category.${grievance.category}`)} · {grievance.reference}
          </h1>
          <p className="muted">
            {grievance.workerName ? `${grievance.workerName} · ` : ''}
            {formatDate(grievance.createdAt, i18n.language)}
            {grievance.escalatedAt ? ` · ${t('welfare.grievance.escalated')}` : ''}
          </p>
        </div>
        <div className="badges">
          <span className="badge info" data-testid="grievance-status">
            {t(`welfare.status.${grievance.status}`)}
          </span>
          <SlaClock grievance={grievance} />
        </div>
      </header>
      <ol className="thread">
        {grievance.messages.map((m) => (
          <li key={m.id} className={`message ${m.authorRole === 'applicant' ? 'from-worker' : 'from-office'} audience-${m.audience}`}>
            <p className="meta">
              {t(`welfare.author.${m.authorRole.startsWith('system') ? 'system' : m.authorRole}`)} ·{' '}
              {new Date(m.createdAt).toLocaleString(i18n.language === 'tg' ? 'ru' : i18n.language)}
              {m.audience !== 'worker' ? ` · ${t(`welfare.audience.${m.audience}`)}` : ''}
            </p>
            <p className="body">{m.body}</p>
            {m.attachments.map((a) => (
              <a key={a.id} href={`/api/grievances/${grievance.id}/attachments/${a.id}`} className="attachment">
                📎 {a.fileName} ({Math.ceil(a.sizeBytes / 1024)} KB)
              </a>
            ))}
          </li>
        ))}
      </ol>
      {open ? (
        <form className="card" onSubmit={submit}>
          <label>
            {t('welfare.reply.label')}
            <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={4} maxLength={5000} data-testid="reply-body" />
          </label>
          {me.role === 'consular_office' ? (
            <label className="inline">
              {t('welfare.reply.audience')}
              <select value={audience} onChange={(e) => setAudience(e.target.value as typeof audience)}>
                <option value="worker">{t('welfare.audience.worker')}</option>
                <option value="internal">{t('welfare.audience.internal')}</option>
                {grievance.employerContacted ? <option value="employer">{t('welfare.audience.employer')}</option> : null}
              </select>
            </label>
          ) : null}
          {me.role === 'applicant' || me.role === 'consular_office' ? (
            <FilePicker label={t('welfare.reply.files')} accept={ACCEPTED_FILES} multiple files={files} onFiles={(picked) => setFiles(picked.slice(0, 5))} />
          ) : null}
          <ProblemMessage error={reply.error ?? act.error} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={reply.isPending || !body.trim()} data-testid="send-reply">
              {t('welfare.reply.send')}
            </button>
            {grievance.allowedActions.map((action) => (
              <button
                key={action}
                type="button"
                className="secondary"
                disabled={act.isPending}
                onClick={() => act.mutate(action)}
                data-testid={`grievance-action-${action}`}
              >
                {t(`welfare.action.${action}`)}
              </button>
            ))}
          </div>
          {grievance.allowedActions.some((a) => a === 'resolve' || a === 'contact_employer' || a === 'reopen') ? (
            <p className="muted small">{t('welfare.reply.action_hint')}</p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
