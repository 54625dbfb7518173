import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, newRequestId } from '../../app/api';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { nameIn } from '../journey/names';
import { RequestFacts, RequestStatusBadge } from '../employers/RequestSummary';
import type { LabourRequestView } from '../employers/types';
import { ContractPanel } from './ContractPanel';
import { FitReasons } from './FitReasons';
import { OfferStatusBadge, OfferTerms } from './OfferTerms';
import type { EntryView, OfferView } from './types';

/** One of the employer's requests: its terms, the shortlist per seat (choose one), and the offers made. */
export function EmployerRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const request = useQuery({ queryKey: ['labour-requests', id], queryFn: () => api<LabourRequestView>('GET', `/api/labour-requests/${id}`) });
  const shortlist = useQuery({ queryKey: ['shortlist', id], queryFn: () => api<{ items: EntryView[] }>('GET', `/api/labour-requests/${id}/shortlist`) });
  const offers = useQuery({ queryKey: ['offers', 'employer'], queryFn: () => api<{ items: OfferView[] }>('GET', '/api/offers') });
  if (request.isLoading) return <Loading />;
  if (!request.data) return <ProblemMessage error={request.error} />;
  const mine = (offers.data?.items ?? []).filter((o) => o.labourRequestId === id);
  const liveSeats = new Set(mine.filter((o) => ['selected', 'offered', 'accepted', 'contracted'].includes(o.status)).map((o) => o.seatNo));
  const proposed = (shortlist.data?.items ?? []).filter((e) => e.status === 'proposed' && !liveSeats.has(e.seatNo));
  const seats = [...new Set(proposed.map((e) => e.seatNo))].sort((a, b) => a - b);
  return (
    <section>
      <header className="case-header">
        <h1>{t('recruitment.employer_request.title')}</h1>
        <RequestStatusBadge status={request.data.status} />
      </header>
      <div className="case-grid two">
        <section className="card">
          <RequestFacts request={request.data} />
        </section>
        <section className="card" data-testid="shortlist">
          <h2>{t('recruitment.shortlist.title')}</h2>
          <p className="muted small">{t('recruitment.shortlist.intro')}</p>
          {shortlist.isLoading ? <Loading /> : <ProblemMessage error={shortlist.error} />}
          {seats.length === 0 ? <p className="muted">{t('recruitment.shortlist.empty')}</p> : null}
          {seats.map((seat) => (
            <div key={seat} className="seat" data-testid={`seat-${seat}`}>
              <h3>{t('recruitment.shortlist.seat', { seat })}</h3>
              <ul className="entries">
                {proposed
                  .filter((e) => e.seatNo === seat)
                  .map((e) => (
                    <ShortlistEntry key={e.id} entry={e} requestId={id} />
                  ))}
              </ul>
            </div>
          ))}
        </section>
      </div>
      <h2 className="section-title">{t('recruitment.employer_request.offers')}</h2>
      {mine.length === 0 ? <p className="muted">{t('recruitment.offers.empty')}</p> : null}
      <ul className="offer-list">
        {mine.map((o) => (
          <OfferForEmployer key={o.id} offer={o} />
        ))}
      </ul>
    </section>
  );
}

function ShortlistEntry({ entry, requestId }: { entry: EntryView; requestId: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [selectId] = useState(newRequestId());
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['shortlist', requestId] });
    void client.invalidateQueries({ queryKey: ['offers'] });
  };
  const select = useMutation({ mutationFn: () => api('POST', `/api/shortlist-entries/${entry.id}/select`, { requestId: selectId }), onSuccess: refresh });
  const reject = useMutation({ mutationFn: () => api('POST', `/api/shortlist-entries/${entry.id}/reject`), onSuccess: refresh });
  return (
    <li className="entry" data-testid="shortlist-entry" data-position={entry.position}>
      <div className="entry-head">
        <strong>{entry.person ? nameIn(entry.person.names, i18n.language) : entry.caseId.slice(0, 8)}</strong>
        <span className="badge info">{entry.position === 1 ? t('recruitment.shortlist.best') : t('recruitment.shortlist.alternate')}</span>
      </div>
      <FitReasons reasons={entry.reasons} />
      <div className="button-row">
        <button type="button" className="primary" onClick={() => select.mutate()} disabled={select.isPending} data-testid="select-candidate">
          {t('recruitment.shortlist.select')}
        </button>
        <button type="button" className="secondary" onClick={() => reject.mutate()} disabled={reject.isPending}>
          {t('recruitment.shortlist.reject')}
        </button>
      </div>
      <ProblemMessage error={select.error ?? reject.error} />
    </li>
  );
}

function OfferForEmployer({ offer }: { offer: OfferView }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card" data-testid="employer-offer">
      <div className="entry-head">
        <strong>{offer.person ? nameIn(offer.person.names, i18n.language) : ''}</strong>
        <span className="muted">{t('recruitment.shortlist.seat', { seat: offer.seatNo })}</span>
        <OfferStatusBadge status={offer.status} />
      </div>
      {offer.contract ? <ContractPanel contract={offer.contract} /> : <OfferTerms terms={offer.terms} />}
    </li>
  );
}
