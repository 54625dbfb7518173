-- Platform kernel: organizations, users, sessions, API tokens, login throttling, audit trail, jobs.

create table organizations (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('clinic', 'employer', 'origin_agency', 'destination_agency', 'mvd_office',
                                     'consular_office', 'health_authority', 'operator')),
  name text not null,
  country char(2) not null,
  created_at timestamptz not null default now()
);
comment on table organizations is 'Every non-applicant user belongs to one organization; access is scoped to it.';
comment on column organizations.id is 'Surrogate key.';
comment on column organizations.kind is 'What the organization is: clinic, employer, agency, office, health authority or operator.';
comment on column organizations.name is 'Official name of the organization (not personal data).';
comment on column organizations.country is 'ISO 3166-1 alpha-2 country the organization operates in.';
comment on column organizations.created_at is 'When the organization was registered in Corridor.';

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  role text not null check (role in ('applicant', 'clinic_staff', 'clinic_head', 'health_authority', 'origin_agency',
                                     'destination_agency', 'employer', 'mvd_office', 'consular_office', 'admin', 'auditor')),
  organization_id uuid references organizations (id),
  person_id uuid,
  password_hash text not null,
  locale text not null default 'tg' check (locale in ('tg', 'ru', 'en')),
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  constraint users_org_matches_role check ((role = 'applicant') = (organization_id is null))
);
create unique index users_email_key on users (lower(email));
create index users_organization_idx on users (organization_id);
comment on table users is 'Accounts that sign in to Corridor. Applicants have no organization; everyone else has exactly one.';
comment on column users.id is 'Surrogate key.';
comment on column users.email is 'Sign-in name (an e-mail address); unique without regard to case.';
comment on column users.display_name is 'Name shown in the interface and on signatures.';
comment on column users.role is 'The one role of this account (DESIGN.md section 2).';
comment on column users.organization_id is 'Organization the account acts for; null for applicants.';
comment on column users.person_id is 'For applicants: the person record the account belongs to.';
comment on column users.password_hash is 'argon2id hash in PHC string format.';
comment on column users.locale is 'Preferred interface and message language: tg, ru or en.';
comment on column users.disabled_at is 'When the account was disabled; disabled accounts cannot sign in.';
comment on column users.created_at is 'When the account was created.';

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);
comment on table sessions is 'Web sessions; the browser holds the random id in an httpOnly cookie, the server only its hash.';
comment on column sessions.id_hash is 'SHA-256 (base64url) of the session id held in the cookie.';
comment on column sessions.user_id is 'Signed-in account.';
comment on column sessions.csrf_token is 'Token the client must echo in the x-csrf-token header on unsafe requests.';
comment on column sessions.created_at is 'When the session started.';
comment on column sessions.expires_at is 'When the session stops being accepted.';
comment on column sessions.revoked_at is 'When the session was ended by sign-out.';

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);
comment on table api_tokens is 'Bearer tokens for machine clients; they act as their user, with the same role and scope.';
comment on column api_tokens.id is 'Surrogate key.';
comment on column api_tokens.user_id is 'Account the token acts for.';
comment on column api_tokens.name is 'Label given by the owner (which system uses it).';
comment on column api_tokens.token_hash is 'SHA-256 (base64url) of the token; the token itself is shown once.';
comment on column api_tokens.prefix is 'First characters of the token, to recognise it in lists.';
comment on column api_tokens.created_at is 'When the token was created.';
comment on column api_tokens.expires_at is 'When the token stops being accepted; null for no expiry.';
comment on column api_tokens.last_used_at is 'Last time the token authenticated a request (updated at most once a minute).';
comment on column api_tokens.revoked_at is 'When the token was revoked.';

create table login_attempts (
  id bigint generated always as identity primary key,
  account_key text not null,
  client_key text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index login_attempts_account_idx on login_attempts (account_key, attempted_at);
create index login_attempts_client_idx on login_attempts (client_key, attempted_at);
comment on table login_attempts is 'Sign-in attempts for throttling, shared by all app nodes. Keys are keyed hashes, never e-mails or addresses.';
comment on column login_attempts.id is 'Surrogate key.';
comment on column login_attempts.account_key is 'HMAC of the lower-cased sign-in name.';
comment on column login_attempts.client_key is 'HMAC of the client network address.';
comment on column login_attempts.succeeded is 'Whether the attempt signed in.';
comment on column login_attempts.attempted_at is 'When the attempt was made.';

create table audit_events (
  seq bigint primary key,
  id uuid not null unique,
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_role text not null,
  organization_id uuid,
  event_type text not null,
  entity_type text not null,
  entity_id text not null,
  data jsonb not null,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create index audit_events_entity_idx on audit_events (entity_type, entity_id);
create index audit_events_type_idx on audit_events (event_type, occurred_at);
comment on table audit_events is 'Append-only, hash-chained audit trail written in the transaction of each change. No personal or medical payloads.';
comment on column audit_events.seq is 'Position in the chain, starting at 1 with no gaps.';
comment on column audit_events.id is 'Unique id of the event.';
comment on column audit_events.occurred_at is 'When the change was made (millisecond precision, part of the hash).';
comment on column audit_events.actor_user_id is 'Account that made the change; null for the system.';
comment on column audit_events.actor_role is 'Role of the actor at the time, or system.';
comment on column audit_events.organization_id is 'Organization the actor acted for.';
comment on column audit_events.event_type is 'Dotted event type, e.g. case.transitioned.';
comment on column audit_events.entity_type is 'Kind of record changed or read, e.g. case.';
comment on column audit_events.entity_id is 'Id of the record changed or read.';
comment on column audit_events.data is 'Event details: codes, ids and statuses only.';
comment on column audit_events.request_id is 'Request id of the HTTP request or job that made the change.';
comment on column audit_events.prev_hash is 'hash of the row with seq - 1 (64 zeros for the first row).';
comment on column audit_events.hash is 'SHA-256 over prev_hash and the canonical form of this row.';

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only' using errcode = '42501';
end;
$$;
comment on function audit_events_append_only() is 'Refuses updates and deletes on the audit trail.';
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();

create table jobs (
  id bigint generated always as identity primary key,
  name text not null,
  payload jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  locked_until timestamptz,
  dedupe_key text unique,
  progress jsonb,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_ready_idx on jobs (run_at) where status in ('queued', 'running');
comment on table jobs is 'Background jobs, enqueued in the transaction that causes them, taken with FOR UPDATE SKIP LOCKED.';
comment on column jobs.id is 'Surrogate key.';
comment on column jobs.name is 'Dotted job name, e.g. screening.rescreen_pool.';
comment on column jobs.payload is 'Job input validated by the handler (ids and options, no personal data).';
comment on column jobs.status is 'queued, running, done or failed (after max_attempts).';
comment on column jobs.run_at is 'Earliest time the job may run (back-off after failures).';
comment on column jobs.attempts is 'How many times a worker has taken the job.';
comment on column jobs.max_attempts is 'Attempts before the job is marked failed.';
comment on column jobs.locked_until is 'A running job whose lock lapsed is taken again (crashed worker).';
comment on column jobs.dedupe_key is 'Optional key that makes enqueueing idempotent.';
comment on column jobs.progress is 'Progress reported by the handler: {done, total, message}.';
comment on column jobs.last_error is 'Error code or message of the last failed attempt (no personal data).';
comment on column jobs.created_at is 'When the job was enqueued.';
comment on column jobs.finished_at is 'When the job ended (done or failed).';
