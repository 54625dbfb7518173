import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useReferenceNames } from '../employers/reference';
import { nameIn } from '../journey/names';
import { OfferStatusBadge } from './OfferTerms';
import type { OfferView } from './types';

/** Every offer, its deadline and where it stands (the origin agency follows them up). */
export function AgencyOffersPage() {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const offers = useQuery({ queryKey: ['offers', 'all'], queryFn: () => api<{ items: OfferView[] }>('GET', '/api/offers') });
  return (
    <section>
      <h1>{t('recruitment.offers.title')}</h1>
      {offers.isLoading ? <Loading /> : <ProblemMessage error={offers.error} />}
      {offers.data?.items.length === 0 ? <p className="card muted">{t('recruitment.offers.empty')}</p> : null}
      <div className="table-wrap">
        <table data-testid="agency-offers">
          <thead>
            <tr>
              <th>{t('recruitment.pool.name')}</th>
              <th>{t('recruitment.offer.employer')}</th>
              <th>{t('recruitment.offer.occupation')}</th>
              <th>{t('recruitment.offer.region')}</th>
              <th>{t('recruitment.offers.deadline')}</th>
              <th>{t('recruitment.pool.status')}</th>
            </tr>
          </thead>
          <tbody>
            {offers.data?.items.map((o) => (
              <tr key={o.id}>
                <td>{o.person ? nameIn(o.person.names, i18n.language) : ''}</td>
                <td>{o.terms.employerName}</td>
                <td>{names.occupation(o.terms.occupation)}</td>
                <td>{names.region(o.terms.region)}</td>
                <td>{o.deadlineAt ? formatDate(o.deadlineAt, i18n.language) : '—'}</td>
                <td>
                  <OfferStatusBadge status={o.status} />
                  {o.status === 'selected' ? <SendOffer offerId={o.id} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SendOffer({ offerId }: { offerId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: () => api('POST', `/api/offers/${offerId}/send`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['offers'] }),
  });
  return (
    <>
      <button type="button" className="primary small-button" onClick={() => send.mutate()} disabled={send.isPending} data-testid="send-offer">
        {t('recruitment.offers.send')}
      </button>
      <ProblemMessage error={send.error} />
    </>
  );
}
