import type { Generated } from 'kysely';
import type { Json } from '../../platform/database/platform-tables';

export type ClinicStatus = 'pending' | 'approved' | 'suspended';
export type ProcedureStatus = 'draft' | 'approved' | 'retired';
export type AppointmentStatus = 'booked' | 'examined' | 'rescheduled' | 'cancelled';
export type ExamStatus = 'in_progress' | 'cleared' | 'not_cleared';
export type TestOutcome = 'negative' | 'positive';

export interface ProcedureTest {
  code: string;
  /** Outcomes of this test that disqualify. */
  disqualifying: TestOutcome[];
}

export interface AllocationRecord {
  readonly seedDay: string;
  readonly candidates: ReadonlyArray<{ clinicId: string; free: number }>;
  readonly draw: number;
  readonly clinicId: string;
}

export interface ClinicTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  address: string;
  daily_capacity: number;
  opens_at: string;
  closes_at: string;
  working_days: number[];
  status: ClinicStatus;
  status_changed_at: Generated<Date>;
  created_at: Generated<Date>;
}

export interface ProcedureTable {
  id: Generated<string>;
  code: string;
  version: number;
  title: string;
  tests: Json<ProcedureTest[]>;
  validity_months: number;
  renewal_window_days: number;
  status: ProcedureStatus;
  approved_at: Date | null;
  created_at: Generated<Date>;
}

export interface AllocationSeedTable {
  day: string;
  seed: string;
  published_at: Generated<Date>;
}

export interface AppointmentTable {
  id: string;
  case_id: string;
  person_id: string;
  day: string;
  clinic_id: string;
  status: AppointmentStatus;
  allocation: Json<AllocationRecord>;
  request_id: string;
  replaces_id: string | null;
  created_at: Generated<Date>;
  status_changed_at: Generated<Date>;
}

export interface ExamTable {
  id: Generated<string>;
  appointment_id: string;
  case_id: string;
  person_id: string;
  clinic_id: string;
  procedure_id: string;
  status: ExamStatus;
  signed_off_by: string | null;
  signed_off_at: Date | null;
  credential_id: string | null;
  created_at: Generated<Date>;
}

export interface TestResultTable {
  exam_id: string;
  test_code: string;
  outcome: TestOutcome;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface ReferralTable {
  id: Generated<string>;
  exam_id: string;
  findings: Json<string[]>;
  referred_to: string;
  created_by: string;
  created_at: Generated<Date>;
}

declare module '../../platform/database/database' {
  interface Database {
    clinics: ClinicTable;
    medical_procedures: ProcedureTable;
    allocation_seeds: AllocationSeedTable;
    medical_appointments: AppointmentTable;
    medical_exams: ExamTable;
    medical_test_results: TestResultTable;
    medical_referrals: ReferralTable;
  }
}
