import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../auth/roles';

/** Timestamps are written as Date (or left to defaults) and read as Date. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;

export interface OrganizationTable {
  id: Generated<string>;
  kind: OrganizationKind;
  name: string;
  country: string;
  created_at: Generated<Date>;
}

export type OrganizationKind =
  | 'clinic'
  | 'employer'
  | 'origin_agency'
  | 'destination_agency'
  | 'mvd_office'
  | 'consular_office'
  | 'health_authority'
  | 'operator';

export interface UserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  organization_id: string | null;
  person_id: string | null;
  password_hash: string;
  locale: Generated<Locale>;
  disabled_at: Date | null;
  created_at: Generated<Date>;
}

export type Locale = 'tg' | 'ru' | 'en';

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Generated<Date>;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  account_key: string;
  client_key: string;
  succeeded: boolean;
  attempted_at: Generated<Date>;
}

export interface AuditEventTable {
  seq: number;
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string;
  organization_id: string | null;
  event_type: string;
  entity_type: string;
  entity_id: string;
  data: Json<Record<string, unknown>>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface JobTable {
  id: Generated<number>;
  name: string;
  payload: Json<unknown>;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  run_at: Generated<Date>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  dedupe_key: string | null;
  progress: Json<JobProgress | null> | null;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
}

export interface JobProgress {
  done: number;
  total: number;
  message?: string;
}

declare module './database' {
  interface Database {
    organizations: OrganizationTable;
    users: UserTable;
    sessions: SessionTable;
    api_tokens: ApiTokenTable;
    login_attempts: LoginAttemptTable;
    audit_events: AuditEventTable;
    jobs: JobTable;
  }
}
