import type { Locale, OrganizationKind } from '../database/platform-tables';

/** The roles of DESIGN.md section 2. `verifier` has no account and is not a role here. */
export const ROLES = [
  'applicant',
  'clinic_staff',
  'clinic_head',
  'health_authority',
  'origin_agency',
  'destination_agency',
  'employer',
  'mvd_office',
  'consular_office',
  'admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may see medical results (DESIGN.md section 5). */
export const HEALTH_ROLES: readonly Role[] = ['clinic_staff', 'clinic_head', 'health_authority'];

/** Which organization kind each non-applicant role belongs to. */
export const ORGANIZATION_KIND_BY_ROLE: Readonly<Record<Exclude<Role, 'applicant'>, OrganizationKind>> = {
  clinic_staff: 'clinic',
  clinic_head: 'clinic',
  health_authority: 'health_authority',
  origin_agency: 'origin_agency',
  destination_agency: 'destination_agency',
  employer: 'employer',
  mvd_office: 'mvd_office',
  consular_office: 'consular_office',
  admin: 'operator',
  auditor: 'operator',
};

/** Who is making a request: resolved once per request from the session cookie or the bearer token. */
export interface Principal {
  readonly userId: string;
  readonly role: Role;
  readonly organizationId: string | null;
  readonly personId: string | null;
  readonly displayName: string;
  readonly locale: Locale;
  readonly via: 'session' | 'token';
}

/** The system itself acting (jobs, expiry, seeding); recorded as such in the audit trail. */
export interface SystemActor {
  readonly system: string;
}

export type Actor = Principal | SystemActor;

export function isSystemActor(actor: Actor): actor is SystemActor {
  return 'system' in actor;
}
