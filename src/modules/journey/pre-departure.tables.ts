import type { Generated } from 'kysely';

export type PreDepartureKind = 'orientation' | 'language_certificate';

export interface PreDepartureRecordTable {
  id: Generated<string>;
  case_id: string;
  kind: PreDepartureKind;
  completed_on: string;
  reference: string | null;
  score: number | null;
  recorded_by: string | null;
  request_id: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
  revoked_by: string | null;
}

declare module '../../platform/database/database' {
  interface Database {
    pre_departure_records: PreDepartureRecordTable;
  }
}
