import { Navigate, Route, Routes } from 'react-router';
import { AuditPage } from '../features/admin/AuditPage';
import { UsersPage } from '../features/admin/UsersPage';
import { SignInPage } from '../features/auth/SignInPage';
import { OverviewPage } from '../features/home/OverviewPage';
import { CaseDetailPage } from '../features/journey/CaseDetailPage';
import { CaseListPage } from '../features/journey/CaseListPage';
import { MyCasePage } from '../features/journey/MyCasePage';
import { DuplicatesPage } from '../features/people/DuplicatesPage';
import { PersonPage } from '../features/people/PersonPage';
import { RegisterPage } from '../features/people/RegisterPage';
import { ListsPage } from '../features/screening/ListsPage';
import { ReviewPage } from '../features/screening/ReviewPage';
import { ReviewQueuePage } from '../features/screening/ReviewQueuePage';
import { Loading } from '../components/Loading';
import { Layout } from './Layout';
import { navigationFor } from './navigation';
import { useSession } from './session';

export function App() {
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  if (!me) {
    return (
      <Layout>
        <Routes>
          <Route path="/register" element={<RegisterPage />} />
          <Route path="*" element={<SignInPage />} />
        </Routes>
      </Layout>
    );
  }
  const home = navigationFor(me.role)[0]?.path ?? '/';
  return (
    <Layout>
      <Routes>
        {me.role === 'applicant' ? <Route path="/my-case" element={<MyCasePage />} /> : null}
        {home === '/' ? <Route path="/" element={<OverviewPage />} /> : <Route path="/" element={<Navigate to={home} replace />} />}
        <Route path="/cases" element={<CaseListPage />} />
        <Route path="/cases/:id" element={<CaseDetailPage />} />
        <Route path="/people/duplicates" element={<DuplicatesPage />} />
        <Route path="/people/:id" element={<PersonPage />} />
        <Route path="/screening" element={<ReviewQueuePage />} />
        <Route path="/screening/reviews/:id" element={<ReviewPage />} />
        <Route path="/screening/lists" element={<ListsPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="*" element={<Navigate to={home} replace />} />
      </Routes>
    </Layout>
  );
}
