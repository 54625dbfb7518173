import type { OrganizationKind } from '../platform/database/platform-tables';
import type { Role } from '../platform/auth/roles';
import type { CaseStatus } from '../modules/journey';

/** What the demo seed has created so far; each module's demo step reads it and adds to it. */
export interface DemoWorld {
  readonly password: string;
  readonly today: string;
  readonly corridorCode: string;
  readonly rounds: { current: string; previous: string };
  readonly organizations: Map<string, { id: string; kind: OrganizationKind; name: string }>;
  readonly accounts: DemoAccount[];
  readonly applicants: DemoApplicant[];
}

export interface DemoAccount {
  readonly email: string;
  readonly role: Role;
  readonly organization: string | null;
  readonly note: string;
}

export interface DemoApplicant {
  readonly personId: string;
  readonly userId: string | null;
  readonly email: string | null;
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly gender: 'M' | 'F';
}
