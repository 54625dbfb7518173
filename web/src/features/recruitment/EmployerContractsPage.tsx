import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { nameIn } from '../journey/names';
import { ContractPanel } from './ContractPanel';
import { OfferStatusBadge, OfferTerms } from './OfferTerms';
import type { OfferView } from './types';

/** The employer's offers and contracts: sign, download, see who signed. */
export function EmployerContractsPage() {
  const { t, i18n } = useTranslation();
  const offers = useQuery({ queryKey: ['offers', 'employer'], queryFn: () => api<{ items: OfferView[] }>('GET', '/api/offers') });
  return (
    <section>
      <h1>{t('recruitment.employer_contracts.title')}</h1>
      {offers.isLoading ? <Loading /> : <ProblemMessage error={offers.error} />}
      {offers.data?.items.length === 0 ? <p className="card muted">{t('recruitment.offers.empty')}</p> : null}
      <ul className="offer-list">
        {offers.data?.items.map((o) => (
          <li key={o.id} className="card" data-testid="employer-offer">
            <header className="case-header">
              <h2>{o.person ? nameIn(o.person.names, i18n.language) : ''}</h2>
              <OfferStatusBadge status={o.status} />
            </header>
            {o.contract ? <ContractPanel contract={o.contract} folded /> : <OfferTerms terms={o.terms} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
