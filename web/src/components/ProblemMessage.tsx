import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';

/** Shows an API problem in the user's language: the message of `errors.<code>`, then field errors. */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const key = problem ? `errors.${problem.code}` : 'errors.server.error';
  const message = i18n.exists(key) ? t(key) : t('errors.generic');
  return (
    <div className="problem" role="alert">
      <p>{message}</p>
      {problem?.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.path}-${e.code}`}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {problem?.requestId ? <p className="muted small">{t('common.request_id', { id: problem.requestId })}</p> : null}
    </div>
  );
}
