import type { Generated } from 'kysely';

export interface EmployerTable {
  organization_id: string;
  legal_form: 'organization' | 'sole_proprietor';
  legal_name: string;
  inn: string;
  ogrn: string;
  kpp: string | null;
  region: string;
  address: string;
  status: Generated<'pending' | 'verified' | 'suspended'>;
  status_reason: string | null;
  verified_at: Date | null;
  verified_by_user_id: string | null;
  registered_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SectorBanEditTable {
  region: string;
  sector: string;
  banned: boolean;
  reason: string | null;
  edited_by_user_id: string | null;
  edited_at: Generated<Date>;
}

export interface QuotaTable {
  year: number;
  region: string;
  occupation: string;
  total: number;
  used: Generated<number>;
  updated_at: Generated<Date>;
}

export type LabourRequestStatus = 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export type Housing = 'free' | 'paid' | 'none';

export interface LabourRequestTable {
  id: Generated<string>;
  employer_organization_id: string;
  occupation: string;
  region: string;
  sector: string;
  seats: number;
  wage_rub: number;
  hours_per_week: number;
  housing: Housing;
  contract_months: number;
  start_on: string;
  min_skill_level: number;
  min_russian_level: number;
  min_experience_years: number;
  duties: Generated<string>;
  status: Generated<LabourRequestStatus>;
  decision_reason: string | null;
  decided_by_user_id: string | null;
  decided_at: Date | null;
  request_id: string;
  created_at: Generated<Date>;
}

declare module '../../platform/database/database' {
  interface Database {
    employers: EmployerTable;
    sector_ban_edits: SectorBanEditTable;
    quotas: QuotaTable;
    labour_requests: LabourRequestTable;
  }
}
