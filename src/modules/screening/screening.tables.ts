import type { Generated } from 'kysely';
import type { Json } from '../../platform/database/platform-tables';
import type { Reason } from './matching';

export interface WatchlistVersionTable {
  id: Generated<string>;
  version: number;
  source: string;
  entry_count: number;
  imported_by: string | null;
  imported_at: Generated<Date>;
  rescreen_job_id: number | null;
}

export interface WatchlistEntryTable {
  id: Generated<number>;
  version_id: string;
  list_id: string;
  name: string;
  birth_date: string;
  gender: string | null;
  passport_number: string | null;
  nationality: string | null;
}

export type MatchStatus = 'open' | 'refusal_proposed' | 'cleared' | 'refused' | 'superseded';

export interface ScreeningMatchTable {
  id: Generated<string>;
  person_id: string;
  case_id: string | null;
  version_id: string;
  entry_id: number;
  list_id: string;
  fingerprint: string;
  score: number | string;
  decision: 'match' | 'review';
  reasons: Json<Reason[]>;
  status: Generated<MatchStatus>;
  proposed_by: string | null;
  proposed_at: Date | null;
  proposal_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_at: Generated<Date>;
}

export interface CaseScreeningTable {
  case_id: string;
  outcome: 'clear' | 'hold' | 'refused';
  version_id: string | null;
  screened_at: Generated<Date>;
}

declare module '../../platform/database/database' {
  interface Database {
    watchlist_versions: WatchlistVersionTable;
    watchlist_entries: WatchlistEntryTable;
    screening_matches: ScreeningMatchTable;
    case_screenings: CaseScreeningTable;
  }
}
