import type { ColumnType, Generated } from 'kysely';

export interface TravelGroupTable {
  id: Generated<string>;
  corridor_code: string;
  name: string;
  departure_date: string;
  route: string;
  created_by: string | null;
  departed_at: Date | null;
  created_at: Generated<Date>;
}

export interface PatentTable {
  id: Generated<string>;
  case_id: string;
  number: string;
  region: string;
  issued_on: string;
  recorded_by: string | null;
  request_id: string;
  created_at: Generated<Date>;
}

export interface PatentPaymentTable {
  id: Generated<string>;
  case_id: string;
  months: number;
  /** numeric comes back as a string from the driver. */
  amount_rub: ColumnType<string, number | string, number | string>;
  paid_on: string;
  recorded_by: string | null;
  request_id: string;
  created_at: Generated<Date>;
}

export interface EmployerTransferTable {
  id: Generated<string>;
  case_id: string;
  from_organization_id: string | null;
  to_organization_id: string;
  reason: string;
  status: Generated<'pending' | 'approved' | 'refused'>;
  requested_by: string | null;
  origin_decision: 'consent' | 'refuse' | null;
  origin_decided_by: string | null;
  origin_decided_at: Date | null;
  destination_decision: 'consent' | 'refuse' | null;
  destination_decided_by: string | null;
  destination_decided_at: Date | null;
  request_id: string;
  created_at: Generated<Date>;
}

declare module '../../platform/database/database' {
  interface Database {
    travel_groups: TravelGroupTable;
    patents: PatentTable;
    patent_payments: PatentPaymentTable;
    employer_transfers: EmployerTransferTable;
  }
}

declare module './case.tables' {
  interface CaseTable {
    travel_group_id: string | null;
  }
}
