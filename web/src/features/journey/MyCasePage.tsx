import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { CaseDetail, CaseList } from '../../app/contracts';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { CaseView } from './CaseView';

/** The applicant's home: his current case (the newest round). */
export function MyCasePage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: ['cases', 'mine'], queryFn: () => api<CaseList>('GET', '/api/cases?limit=5') });
  const current = list.data?.items[0];
  const detail = useQuery({ queryKey: ['case', current?.id], queryFn: () => api<CaseDetail>('GET', `/api/cases/${current?.id}`), enabled: Boolean(current) });
  if (list.isLoading || detail.isLoading) return <Loading />;
  if (list.error || detail.error) return <ProblemMessage error={list.error ?? detail.error} />;
  if (!current || !detail.data) return <p className="card">{t('journey.case.none')}</p>;
  return <CaseView kase={detail.data} audience="applicant" />;
}
