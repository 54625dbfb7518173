import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';

interface Notifications {
  items: Array<{ id: string; channel: 'email' | 'sms'; event: string; body: string; status: string; createdAt: string }>;
}

/** The worker's messages from Corridor, the same text he got by SMS or e-mail. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: ['notifications'], queryFn: () => api<Notifications>('GET', '/api/notifications') });
  // One entry per message: the e-mail and the SMS carry the same text.
  const seen = new Set<string>();
  const items = (query.data?.items ?? []).filter((n) => {
    const key = `${n.event}|${n.body}|${n.createdAt.slice(0, 16)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <section>
      <h1>{t('welfare.notifications.title')}</h1>
      {query.isLoading ? <Loading /> : <ProblemMessage error={query.error} />}
      {items.length === 0 && !query.isLoading ? <p className="card">{t('welfare.notifications.none')}</p> : null}
      <ul className="case-list" data-testid="notifications">
        {items.map((n) => (
          <li key={n.id} className="card">
            <p className="muted small">{new Date(n.createdAt).toLocaleString(i18n.language === 'tg' ? 'ru' : i18n.language)}</p>
            <p>{n.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
