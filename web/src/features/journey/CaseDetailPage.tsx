import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api';
import type { CaseDetail } from '../../app/contracts';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { CaseView } from './CaseView';

export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseDetail>('GET', `/api/cases/${id}`) });
  return (
    <>
      <p>
        <Link to="/cases">← {t('journey.list.back')}</Link>
      </p>
      {query.isLoading ? (
        <Loading />
      ) : query.error ? (
        <ProblemMessage error={query.error} />
      ) : query.data ? (
        <CaseView kase={query.data} audience="official" />
      ) : null}
    </>
  );
}
