import type { Generated } from 'kysely';
import type { Json } from '../../platform/database/platform-tables';

export interface PersonTable {
  id: Generated<string>;
  latin_surname: string;
  latin_given_names: string;
  origin_surname: string;
  origin_given_names: string;
  origin_patronymic: string | null;
  destination_surname: string;
  destination_given_names: string;
  destination_patronymic: string | null;
  birth_date: string;
  gender: 'M' | 'F' | 'X';
  citizenship: string;
  passport_number: string | null;
  passport_expiry: string | null;
  passport_issuing_state: Generated<string | null>;
  phone: string | null;
  email: string | null;
  merged_into_person_id: Generated<string | null>;
  destination_corrected_at: Generated<Date | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PersonMatchKeyTable {
  person_id: string;
  keys: number[];
}

export interface DuplicateCandidateTable {
  id: Generated<string>;
  person_id: string;
  candidate_person_id: string;
  score: number | string;
  reasons: Json<unknown[]>;
  status: Generated<'open' | 'merged' | 'kept_apart'>;
  moved_user_ids: Json<string[]> | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
}

declare module '../../platform/database/database' {
  interface Database {
    persons: PersonTable;
    person_match_keys: PersonMatchKeyTable;
    duplicate_candidates: DuplicateCandidateTable;
  }
}
