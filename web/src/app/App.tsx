import { Navigate, Route, Routes } from 'react-router';
import { AuditPage } from '../features/admin/AuditPage';
import { UsersPage } from '../features/admin/UsersPage';
import { SignInPage } from '../features/auth/SignInPage';
import { OverviewPage } from '../features/home/OverviewPage';
import { CaseDetailPage } from '../features/journey/CaseDetailPage';
import { CaseListPage } from '../features/journey/CaseListPage';
import { MyCasePage } from '../features/journey/MyCasePage';
import { TransfersPage } from '../features/journey/TransfersPage';
import { TravelGroupsPage } from '../features/journey/TravelGroupsPage';
import { GrievanceDetailPage, GrievanceListPage } from '../features/welfare/GrievancePages';
import { GrievanceStatisticsPage } from '../features/welfare/GrievanceStatisticsPage';
import { NotificationsPage } from '../features/welfare/NotificationsPage';
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
        <SignInPage />
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
        <Route path="/grievances" element={<GrievanceListPage />} />
        <Route path="/grievances/statistics" element={<GrievanceStatisticsPage />} />
        <Route path="/grievances/:id" element={<GrievanceDetailPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/travel-groups" element={<TravelGroupsPage />} />
        <Route path="/transfers" element={<TransfersPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="*" element={<Navigate to={home} replace />} />
      </Routes>
    </Layout>
  );
}
