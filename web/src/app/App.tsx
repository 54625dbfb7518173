import { Navigate, Route, Routes, useLocation } from 'react-router';
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
import { ClinicDayPage } from '../features/medical/ClinicDayPage';
import { ExamPage } from '../features/medical/ExamPage';
import { HealthAuthorityPage } from '../features/medical/HealthAuthorityPage';
import { MedicalPage } from '../features/medical/MedicalPage';
import { VerifierPage } from '../features/verifier/VerifierPage';
import { AgencyEmployersPage } from '../features/employers/AgencyEmployersPage';
import { AgencyRequestsPage } from '../features/employers/AgencyRequestsPage';
import { EmployerRequestsPage } from '../features/employers/EmployerRequestsPage';
import { QuotasPage } from '../features/employers/QuotasPage';
import { AgencyOffersPage } from '../features/recruitment/AgencyOffersPage';
import { EmployerContractsPage } from '../features/recruitment/EmployerContractsPage';
import { EmployerRequestPage } from '../features/recruitment/EmployerRequestPage';
import { MyOffersPage } from '../features/recruitment/MyOffersPage';
import { PoolPage } from '../features/recruitment/PoolPage';
import { RunsPage } from '../features/recruitment/RunsPage';
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
  const location = useLocation();
  // The verifier is public and must work offline: it never waits for the session.
  if (location.pathname.startsWith('/verify')) {
    return (
      <Layout>
        <VerifierPage />
      </Layout>
    );
  }
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
        {me.role === 'applicant' ? <Route path="/medical" element={<MedicalPage />} /> : null}
        {me.role === 'clinic_staff' || me.role === 'clinic_head' ? <Route path="/clinic" element={<ClinicDayPage />} /> : null}
        {me.role === 'clinic_staff' || me.role === 'clinic_head' || me.role === 'health_authority' ? (
          <Route path="/clinic/appointments/:id" element={<ExamPage />} />
        ) : null}
        {me.role === 'health_authority' ? <Route path="/clinics" element={<HealthAuthorityPage />} /> : null}
        {home === '/' ? <Route path="/" element={<OverviewPage />} /> : <Route path="/" element={<Navigate to={home} replace />} />}
        <Route path="/cases" element={<CaseListPage />} />
        <Route path="/cases/:id" element={<CaseDetailPage />} />
        <Route path="/grievances" element={<GrievanceListPage />} />
        <Route path="/grievances/statistics" element={<GrievanceStatisticsPage />} />
        <Route path="/grievances/:id" element={<GrievanceDetailPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/travel-groups" element={<TravelGroupsPage />} />
        <Route path="/transfers" element={<TransfersPage />} />
        {me.role === 'applicant' ? <Route path="/my-offers" element={<MyOffersPage />} /> : null}
        <Route path="/employer/requests" element={<EmployerRequestsPage />} />
        <Route path="/employer/requests/:id" element={<EmployerRequestPage />} />
        <Route path="/employer/contracts" element={<EmployerContractsPage />} />
        <Route path="/agency/employers" element={<AgencyEmployersPage />} />
        <Route path="/agency/requests" element={<AgencyRequestsPage />} />
        <Route path="/quotas" element={<QuotasPage />} />
        <Route path="/recruitment/pool" element={<PoolPage />} />
        <Route path="/recruitment/runs" element={<RunsPage />} />
        <Route path="/recruitment/offers" element={<AgencyOffersPage />} />
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
