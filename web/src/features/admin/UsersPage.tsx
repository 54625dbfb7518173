import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';

interface Users {
  items: Array<{ id: string; email: string; displayName: string; role: string; organizationId: string | null; disabled: boolean }>;
}
interface Organizations {
  items: Array<{ id: string; kind: string; name: string; country: string }>;
}

export function UsersPage() {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: ['admin', 'users'], queryFn: () => api<Users>('GET', '/api/admin/users') });
  const orgs = useQuery({ queryKey: ['admin', 'orgs'], queryFn: () => api<Organizations>('GET', '/api/admin/organizations') });
  const orgName = new Map(orgs.data?.items.map((o) => [o.id, o.name]));
  return (
    <section>
      <h1>{t('admin.users.title')}</h1>
      {users.isLoading ? <Loading /> : <ProblemMessage error={users.error ?? orgs.error} />}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('admin.users.name')}</th>
              <th>{t('admin.users.email')}</th>
              <th>{t('admin.users.role')}</th>
              <th>{t('admin.users.organization')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.items.map((u) => (
              <tr key={u.id}>
                <td>{u.displayName}</td>
                <td>{u.email}</td>
                <td>{t(`nav.role.${u.role}`)}</td>
                <td>{u.organizationId ? orgName.get(u.organizationId) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
