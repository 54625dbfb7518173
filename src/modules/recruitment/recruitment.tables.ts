import type { Generated } from 'kysely';
import type { Json } from '../../platform/database/platform-tables';
import type { MatchPolicy } from './matching/matching.types';
import type { FitReasons } from './matching/weights';

export interface CandidateProfileTable {
  case_id: string;
  occupation: string;
  skill_level: number;
  russian_level: number;
  experience_years: number;
  skills: Json<string[]>;
  preferred_regions: Json<string[]>;
  updated_at: Generated<Date>;
}

export type MatchRunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface MatchRunTable {
  id: Generated<string>;
  status: Generated<MatchRunStatus>;
  policy: Json<MatchPolicy>;
  requested_by_user_id: string | null;
  request_id: string;
  job_id: number | null;
  candidates: number | null;
  vacancies: number | null;
  seats: number | null;
  assigned: number | null;
  objective: number | null;
  edges: number | null;
  duration_ms: number | null;
  error: string | null;
  published_at: Date | null;
  published_by_user_id: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export type EntryStatus = 'computed' | 'proposed' | 'selected' | 'rejected' | 'superseded' | 'closed';

export interface MatchRunEntryTable {
  id: Generated<string>;
  run_id: string;
  labour_request_id: string;
  seat_no: number;
  case_id: string;
  position: number;
  weight: number;
  reasons: Json<FitReasons>;
  status: Generated<EntryStatus>;
  decided_at: Date | null;
}

export type OfferStatus = 'selected' | 'offered' | 'accepted' | 'declined' | 'expired' | 'contracted' | 'withdrawn';

export interface OfferTerms {
  occupation: string;
  region: string;
  sector: string;
  wageRub: number;
  hoursPerWeek: number;
  housing: 'free' | 'paid' | 'none';
  contractMonths: number;
  startOn: string;
  duties: string;
  employerName: string;
  employerLegalName: string;
  employerInn: string;
  employerOgrn: string;
  employerKpp: string | null;
  employerAddress: string;
}

/** An offer row in one of these statuses holds its seat and its candidate (unique indexes). */
export const LIVE_OFFER_STATUSES: OfferStatus[] = ['selected', 'offered', 'accepted', 'contracted'];

export interface OfferTable {
  id: Generated<string>;
  case_id: string;
  labour_request_id: string;
  seat_no: number;
  entry_id: string | null;
  status: Generated<OfferStatus>;
  terms: Json<OfferTerms>;
  deadline_at: Date | null;
  sent_at: Date | null;
  answered_at: Date | null;
  request_id: string;
  created_at: Generated<Date>;
}

export interface ContractTable {
  id: Generated<string>;
  offer_id: string;
  case_id: string;
  employer_organization_id: string;
  template_version: string;
  pdf: Buffer;
  sha256: string;
  status: Generated<'awaiting_signatures' | 'signed'>;
  signed_at: Date | null;
  sealed_credential_id: string | null;
  created_at: Generated<Date>;
}

export interface ContractSignatureTable {
  contract_id: string;
  party: 'employer' | 'worker';
  user_id: string | null;
  signed_at: Generated<Date>;
  document_sha256: string;
  channel: 'session' | 'token' | 'import';
  client_key: string | null;
}

declare module '../../platform/database/database' {
  interface Database {
    candidate_profiles: CandidateProfileTable;
    match_runs: MatchRunTable;
    match_run_entries: MatchRunEntryTable;
    offers: OfferTable;
    contracts: ContractTable;
    contract_signatures: ContractSignatureTable;
  }
}
