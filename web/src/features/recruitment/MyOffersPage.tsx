import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newRequestId } from '../../app/api';
import type { CaseList } from '../../app/contracts';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { CandidateProfileCard } from './CandidateProfileCard';
import { ContractPanel } from './ContractPanel';
import { OfferStatusBadge, OfferTerms } from './OfferTerms';
import type { OfferView } from './types';

/** The applicant's work offers and contract, and what he states for matching. */
export function MyOffersPage() {
  const { t } = useTranslation();
  const cases = useQuery({ queryKey: ['cases', 'mine'], queryFn: () => api<CaseList>('GET', '/api/cases?limit=5') });
  const offers = useQuery({ queryKey: ['offers', 'mine'], queryFn: () => api<{ items: OfferView[] }>('GET', '/api/offers') });
  const current = cases.data?.items[0];
  return (
    <section>
      <h1>{t('recruitment.my_offers.title')}</h1>
      {offers.isLoading ? <Loading /> : <ProblemMessage error={offers.error} />}
      {offers.data && offers.data.items.length === 0 ? <p className="card muted">{t('recruitment.my_offers.none')}</p> : null}
      <ul className="offer-list">
        {offers.data?.items.map((o) => (
          <MyOffer key={o.id} offer={o} />
        ))}
      </ul>
      {current ? <CandidateProfileCard caseId={current.id} status={current.status} /> : null}
    </section>
  );
}

function MyOffer({ offer }: { offer: OfferView }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [declineId] = useState(newRequestId());
  const [confirmDecline, setConfirmDecline] = useState(false);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['offers'] });
    void client.invalidateQueries({ queryKey: ['cases'] });
    void client.invalidateQueries({ queryKey: ['case'] });
  };
  const accept = useMutation({ mutationFn: () => api('POST', `/api/offers/${offer.id}/accept`), onSuccess: refresh });
  const decline = useMutation({ mutationFn: () => api('POST', `/api/offers/${offer.id}/decline`, { requestId: declineId }), onSuccess: refresh });
  return (
    <li className="card offer" data-testid="my-offer" data-offer-status={offer.status}>
      <header className="case-header">
        <h2>{t('recruitment.my_offers.offer_from', { employer: offer.terms.employerName })}</h2>
        <OfferStatusBadge status={offer.status} />
      </header>
      <OfferTerms terms={offer.terms} />
      {offer.status === 'selected' ? <p className="muted">{t('recruitment.my_offers.selected_note')}</p> : null}
      {offer.status === 'offered' && offer.deadlineAt ? (
        <>
          <p className="deadline-line">
            <strong>{t('recruitment.my_offers.answer_by', { date: formatDate(offer.deadlineAt, i18n.language) })}</strong>
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => accept.mutate()} disabled={accept.isPending} data-testid="accept-offer">
              {t('recruitment.my_offers.accept')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmDecline(true)}>
              {t('recruitment.my_offers.decline')}
            </button>
          </div>
          {confirmDecline ? (
            <div className="action-form">
              <p>{t('recruitment.my_offers.decline_confirm')}</p>
              <button type="button" className="secondary" onClick={() => decline.mutate()} disabled={decline.isPending} data-testid="confirm-decline">
                {t('common.confirm')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
      <ProblemMessage error={accept.error ?? decline.error} />
      {offer.contract ? <ContractPanel contract={offer.contract} /> : null}
    </li>
  );
}
