import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, newRequestId } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { useMe } from '../../app/session';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { ExamView } from './contracts';

type Outcome = 'negative' | 'positive';

/** One exam: clinic staff enter each test's result; the head physician signs off (a different person). */
export function ExamPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['medical', 'exam', id], queryFn: () => api<ExamView>('GET', `/api/medical/appointments/${id}/exam`) });
  const [draft, setDraft] = useState<Record<string, Outcome>>({});
  const [referredTo, setReferredTo] = useState('');
  const [requestId] = useState(newRequestId());
  const onSuccess = (data: ExamView) => {
    queryClient.setQueryData(['medical', 'exam', id], data);
    void queryClient.invalidateQueries({ queryKey: ['medical', 'day'] });
  };
  const save = useMutation({
    mutationFn: () =>
      api<ExamView>('PUT', `/api/medical/appointments/${id}/results`, { results: Object.entries(draft).map(([test, outcome]) => ({ test, outcome })) }),
    onSuccess: (data) => {
      setDraft({});
      onSuccess(data);
    },
  });
  const signOff = useMutation({
    mutationFn: () =>
      api<ExamView>('POST', `/api/medical/appointments/${id}/sign-off`, { requestId, ...(referredTo.trim() ? { referredTo: referredTo.trim() } : {}) }),
    onSuccess,
  });
  if (query.isLoading) return <Loading />;
  if (!query.data) return <ProblemMessage error={query.error} />;
  const exam = query.data;
  const editable = me.role === 'clinic_staff' && (exam.status === 'not_started' || exam.status === 'in_progress');
  const hasFinding = exam.tests.some((test) => test.outcome === 'positive');
  return (
    <section data-testid="exam-page" data-exam-status={exam.status}>
      <h1>{exam.person.origin}</h1>
      <p className="muted">
        {exam.person.destination} · {exam.person.latin} · {formatDate(exam.person.birthDate, i18n.language)}
      </p>
      <div className="card">
        <h2>{t(`medical.exam_status.${exam.status}`)}</h2>
        <p className="muted">{t('medical.exam.procedure', { code: exam.procedure.code, version: exam.procedure.version })}</p>
        <div className="table-wrap">
          <table className="results">
            <thead>
              <tr>
                <th>{t('medical.exam.test')}</th>
                <th>{t('medical.exam.result')}</th>
              </tr>
            </thead>
            <tbody>
              {exam.tests.map((test) => {
                const value = draft[test.code] ?? test.outcome;
                return (
                  <tr key={test.code} data-testid={`test-${test.code}`}>
                    <td>{t(`medical.test.${test.code}`)}</td>
                    <td>
                      {editable ? (
                        <div className="choice">
                          {(['negative', 'positive'] as const).map((outcome) => (
                            <label key={outcome}>
                              <input
                                type="radio"
                                name={test.code}
                                value={outcome}
                                checked={value === outcome}
                                onChange={() => setDraft((d) => ({ ...d, [test.code]: outcome }))}
                              />
                              {t(`medical.outcome.${outcome}`)}
                            </label>
                          ))}
                        </div>
                      ) : (
                        <span className={value === 'positive' ? 'badge warn' : 'badge'}>
                          {value ? t(`medical.outcome.${value}`) : t('medical.exam.pending')}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {editable ? (
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={Object.keys(draft).length === 0 || save.isPending}
              onClick={() => save.mutate()}
              data-testid="save-results"
            >
              {t('medical.exam.save')}
            </button>
          </div>
        ) : null}
        <ProblemMessage error={save.error} />
      </div>
      {me.role === 'clinic_head' && exam.status === 'in_progress' ? (
        <form
          className="card action-form"
          onSubmit={(e) => {
            e.preventDefault();
            signOff.mutate();
          }}
        >
          <h2>{t('medical.exam.sign_off_title')}</h2>
          <p className="muted">{hasFinding ? t('medical.exam.sign_off_finding') : t('medical.exam.sign_off_clear')}</p>
          {hasFinding ? (
            <label>
              {t('medical.exam.referred_to')}
              <input value={referredTo} onChange={(e) => setReferredTo(e.target.value)} required minLength={3} maxLength={300} data-testid="referred-to" />
            </label>
          ) : null}
          {!exam.canSignOff ? <p className="problem">{t('medical.exam.cannot_sign_off')}</p> : null}
          <ProblemMessage error={signOff.error} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={!exam.canSignOff || signOff.isPending} data-testid="sign-off">
              {t('medical.exam.sign_off')}
            </button>
          </div>
        </form>
      ) : null}
      {exam.referral ? (
        <div className="card" data-testid="referral">
          <h2>{t('medical.exam.referral')}</h2>
          <p>{exam.referral.referredTo}</p>
          <p className="muted">{exam.referral.findings.map((f) => t(`medical.test.${f}`)).join(', ')}</p>
        </div>
      ) : null}
      {exam.certificateId ? (
        <div className="card">
          <h2>{t('medical.exam.certificate_issued')}</h2>
          <a className="button secondary" href={`/api/medical/certificates/${exam.certificateId}/pdf`}>
            {t('medical.certificate.download')}
          </a>
        </div>
      ) : null}
    </section>
  );
}
