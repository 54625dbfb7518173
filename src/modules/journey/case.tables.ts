import type { Generated } from 'kysely';
import type { Json } from '../../platform/database/platform-tables';
import type { CorridorRules } from './corridor.schema';
import type { CaseAction, CaseStatus } from './case.workflow';

export interface CorridorTable {
  code: string;
  origin_country: string;
  destination_country: string;
  origin_timezone: string;
  destination_timezone: string;
  languages: Json<string[]>;
  rules: Json<CorridorRules>;
  created_at: Generated<Date>;
}

export interface RecruitmentRoundTable {
  id: Generated<string>;
  corridor_code: string;
  name: string;
  opens_on: string;
  closes_on: string;
  created_at: Generated<Date>;
}

export interface CaseTable {
  id: Generated<string>;
  person_id: string;
  round_id: string;
  status: CaseStatus;
  status_changed_at: Generated<Date>;
  employer_organization_id: string | null;
  departed_on: string | null;
  arrived_on: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface CaseActionTable {
  id: Generated<string>;
  case_id: string;
  action: CaseAction;
  from_status: CaseStatus;
  to_status: CaseStatus;
  actor_user_id: string | null;
  actor_role: string;
  reason: string | null;
  request_id: string;
  created_at: Generated<Date>;
}

declare module '../../platform/database/database' {
  interface Database {
    corridors: CorridorTable;
    recruitment_rounds: RecruitmentRoundTable;
    cases: CaseTable;
    case_actions: CaseActionTable;
  }
}
