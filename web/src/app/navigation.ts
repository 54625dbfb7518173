import type { Role } from './contracts';

/** Sections group the entries in the "More" menu and the phone drawer, and order them in the bar. */
export type NavSectionId = 'main' | 'recruitment' | 'welfare' | 'tools';

export interface NavSection {
  readonly id: NavSectionId;
  readonly labelKey: string;
}

export const NAV_SECTIONS: readonly NavSection[] = [
  { id: 'main', labelKey: 'nav.section.main' },
  { id: 'recruitment', labelKey: 'nav.section.recruitment' },
  { id: 'welfare', labelKey: 'nav.section.welfare' },
  { id: 'tools', labelKey: 'nav.section.tools' },
];

/** Navigation entries: each feature adds its own, with its section and the roles that see it. */
export interface NavEntry {
  readonly path: string;
  readonly labelKey: string;
  readonly section: NavSectionId;
  readonly roles: readonly Role[];
}

const OFFICIALS: readonly Role[] = ['origin_agency', 'destination_agency', 'employer', 'mvd_office', 'consular_office', 'clinic_staff', 'clinic_head'];

export const NAVIGATION: readonly NavEntry[] = [
  { path: '/my-case', labelKey: 'nav.my_case', section: 'main', roles: ['applicant'] },
  { path: '/medical', labelKey: 'medical.nav.medical', section: 'main', roles: ['applicant'] },
  { path: '/clinic', labelKey: 'medical.nav.clinic', section: 'main', roles: ['clinic_staff', 'clinic_head'] },
  { path: '/clinics', labelKey: 'medical.nav.health', section: 'main', roles: ['health_authority'] },
  { path: '/', labelKey: 'nav.overview', section: 'main', roles: OFFICIALS },
  { path: '/cases', labelKey: 'nav.cases', section: 'main', roles: OFFICIALS },
  { path: '/grievances', labelKey: 'nav.grievances', section: 'welfare', roles: ['applicant', 'consular_office', 'origin_agency', 'employer'] },
  { path: '/notifications', labelKey: 'nav.notifications', section: 'welfare', roles: ['applicant'] },
  { path: '/travel-groups', labelKey: 'nav.travel_groups', section: 'main', roles: ['origin_agency'] },
  { path: '/transfers', labelKey: 'nav.transfers', section: 'main', roles: ['origin_agency', 'destination_agency', 'consular_office'] },
  { path: '/grievances/statistics', labelKey: 'nav.grievance_statistics', section: 'welfare', roles: ['destination_agency'] },
  { path: '/my-offers', labelKey: 'recruitment.nav.my_offers', section: 'recruitment', roles: ['applicant'] },
  { path: '/employer/requests', labelKey: 'employers.nav.requests', section: 'recruitment', roles: ['employer'] },
  { path: '/employer/contracts', labelKey: 'recruitment.nav.contracts', section: 'recruitment', roles: ['employer'] },
  { path: '/agency/employers', labelKey: 'employers.nav.verification', section: 'recruitment', roles: ['destination_agency'] },
  { path: '/agency/requests', labelKey: 'employers.nav.approvals', section: 'recruitment', roles: ['destination_agency'] },
  { path: '/quotas', labelKey: 'employers.nav.quotas', section: 'recruitment', roles: ['destination_agency', 'origin_agency'] },
  { path: '/recruitment/pool', labelKey: 'recruitment.nav.pool', section: 'recruitment', roles: ['origin_agency'] },
  { path: '/recruitment/runs', labelKey: 'recruitment.nav.runs', section: 'recruitment', roles: ['origin_agency'] },
  { path: '/recruitment/offers', labelKey: 'recruitment.nav.offers', section: 'recruitment', roles: ['origin_agency'] },
  { path: '/people/duplicates', labelKey: 'people.nav.duplicates', section: 'main', roles: ['origin_agency'] },
  { path: '/screening', labelKey: 'screening.nav.reviews', section: 'main', roles: ['mvd_office'] },
  { path: '/screening/lists', labelKey: 'screening.nav.lists', section: 'main', roles: ['mvd_office'] },
  { path: '/audit', labelKey: 'nav.audit', section: 'main', roles: ['auditor'] },
  { path: '/admin/users', labelKey: 'nav.users', section: 'main', roles: ['admin'] },
  { path: '/verify', labelKey: 'verifier.nav', section: 'tools', roles: [...OFFICIALS, 'applicant', 'health_authority'] },
];

/** A role's entries; the first is the role's home page. */
export function navigationFor(role: Role): NavEntry[] {
  return NAVIGATION.filter((entry) => entry.roles.includes(role));
}

export interface NavGroup {
  readonly section: NavSection;
  readonly entries: readonly NavEntry[];
}

/** The entries by section, in section order; sections without entries are left out. */
export function groupNavigation(entries: readonly NavEntry[]): NavGroup[] {
  return NAV_SECTIONS.map((section) => ({ section, entries: entries.filter((entry) => entry.section === section.id) })).filter(
    (group) => group.entries.length > 0,
  );
}

/** Section labels help in a long list that mixes sections; in a short one they are noise. */
export function isWorthLabelling(groups: readonly NavGroup[]): boolean {
  return groups.length > 1 && groups.reduce((n, group) => n + group.entries.length, 0) > 6;
}
