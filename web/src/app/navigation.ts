import type { Role } from './contracts';

/** Navigation entries: each feature adds its own, with the roles that see it. */
export interface NavEntry {
  readonly path: string;
  readonly labelKey: string;
  readonly roles: readonly Role[];
}

export const NAVIGATION: readonly NavEntry[] = [
  { path: '/my-case', labelKey: 'nav.my_case', roles: ['applicant'] },
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
  { path: '/people/duplicates', labelKey: 'people.nav.duplicates', roles: ['origin_agency'] },
  { path: '/screening', labelKey: 'screening.nav.reviews', roles: ['mvd_office'] },
  { path: '/screening/lists', labelKey: 'screening.nav.lists', roles: ['mvd_office'] },
  { path: '/audit', labelKey: 'nav.audit', roles: ['auditor'] },
  { path: '/admin/users', labelKey: 'nav.users', roles: ['admin'] },
];

export function navigationFor(role: Role): NavEntry[] {
  return NAVIGATION.filter((entry) => entry.roles.includes(role));
}
