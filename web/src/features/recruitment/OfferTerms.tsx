import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n';
import { formatRub, useReferenceNames } from '../employers/reference';
import type { OfferView } from './types';

const TONE = { selected: 'info', offered: 'warn', accepted: 'info', declined: 'muted', expired: 'muted', withdrawn: 'muted', contracted: 'good' } as const;

export function OfferStatusBadge({ status }: { status: OfferView['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[status]}`} data-testid="offer-status" data-status={status}>
      {t(`recruitment.offer_status.${status}`)}
    </span>
  );
}

/** The terms of an offer, in the reader's language. */
export function OfferTerms({ terms }: { terms: OfferView['terms'] }) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  return (
    <dl className="facts">
      <dt>{t('recruitment.offer.employer')}</dt>
      <dd>{terms.employerName}</dd>
      <dt>{t('recruitment.offer.occupation')}</dt>
      <dd>{names.occupation(terms.occupation)}</dd>
      <dt>{t('recruitment.offer.region')}</dt>
      <dd>{names.region(terms.region)}</dd>
      <dt>{t('recruitment.offer.wage')}</dt>
      <dd>{t('recruitment.offer.wage_value', { amount: formatRub(terms.wageRub, i18n.language) })}</dd>
      <dt>{t('recruitment.offer.hours')}</dt>
      <dd>{t('recruitment.offer.hours_value', { hours: terms.hoursPerWeek })}</dd>
      <dt>{t('recruitment.offer.housing')}</dt>
      <dd>{t(`employers.housing.${terms.housing}`)}</dd>
      <dt>{t('recruitment.offer.contract')}</dt>
      <dd>{t('recruitment.offer.contract_value', { months: terms.contractMonths, date: formatDate(terms.startOn, i18n.language) })}</dd>
      {terms.duties ? (
        <>
          <dt>{t('recruitment.offer.duties')}</dt>
          <dd>{terms.duties}</dd>
        </>
      ) : null}
    </dl>
  );
}
