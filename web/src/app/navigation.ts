import type { Role } from './contracts';

/** Navigation entries: each feature adds its own, with the roles that see it. */
export interface NavEntry {
  readonly path: string;
  readonly labelKey: string;
  readonly roles: readonly Role[];
}

export const NAVIGATION: readonly NavEntry[] = [
  { path: '/my-case', labelKey: 'nav.my_case', roles: ['applicant'] },
  { path: '/medical', labelKey: 'medical.nav.medical', roles: ['applicant'] },
  { path: '/clinic', labelKey: 'medical.nav.clinic', roles: ['clinic_staff', 'clinic_head'] },
  { path: '/clinics', labelKey: 'medical.nav.health', roles: ['health_authority'] },
  {
    path: '/',
    labelKey: 'nav.overview',
    roles: ['origin_agency', 'destination_agency', 'employer', 'mvd_office', 'consular_office', 'clinic_staff', 'clinic_head'],
  },
  {
    path: '/cases',
    labelKey: 'nav.cases',
    roles: ['origin_agency', 'destination_agency', 'employer', 'mvd_office', 'consular_office', 'clinic_staff', 'clinic_head'],
  },
  { path: '/grievances', labelKey: 'nav.grievances', roles: ['applicant', 'consular_office', 'origin_agency', 'employer'] },
  { path: '/notifications', labelKey: 'nav.notifications', roles: ['applicant'] },
  { path: '/travel-groups', labelKey: 'nav.travel_groups', roles: ['origin_agency'] },
  { path: '/transfers', labelKey: 'nav.transfers', roles: ['origin_agency', 'destination_agency', 'consular_office'] },
  { path: '/grievances/statistics', labelKey: 'nav.grievance_statistics', roles: ['destination_agency'] },
  { path: '/my-offers', labelKey: 'recruitment.nav.my_offers', roles: ['applicant'] },
  { path: '/employer/requests', labelKey: 'employers.nav.requests', roles: ['employer'] },
  { path: '/employer/contracts', labelKey: 'recruitment.nav.contracts', roles: ['employer'] },
  { path: '/agency/employers', labelKey: 'employers.nav.verification', roles: ['destination_agency'] },
  { path: '/agency/requests', labelKey: 'employers.nav.approvals', roles: ['destination_agency'] },
  { path: '/quotas', labelKey: 'employers.nav.quotas', roles: ['destination_agency', 'origin_agency'] },
  { path: '/recruitment/pool', labelKey: 'recruitment.nav.pool', roles: ['origin_agency'] },
  { path: '/recruitment/runs', labelKey: 'recruitment.nav.runs', roles: ['origin_agency'] },
  { path: '/recruitment/offers', labelKey: 'recruitment.nav.offers', roles: ['origin_agency'] },
  { path: '/people/duplicates', labelKey: 'people.nav.duplicates', roles: ['origin_agency'] },
  { path: '/screening', labelKey: 'screening.nav.reviews', roles: ['mvd_office'] },
  { path: '/screening/lists', labelKey: 'screening.nav.lists', roles: ['mvd_office'] },
  { path: '/audit', labelKey: 'nav.audit', roles: ['auditor'] },
  { path: '/admin/users', labelKey: 'nav.users', roles: ['admin'] },
  {
    path: '/verify',
    labelKey: 'verifier.nav',
    roles: ['applicant', 'origin_agency', 'destination_agency', 'employer', 'mvd_office', 'consular_office', 'clinic_staff', 'clinic_head', 'health_authority'],
  },
];

export function navigationFor(role: Role): NavEntry[] {
  return NAVIGATION.filter((entry) => entry.roles.includes(role));
}
