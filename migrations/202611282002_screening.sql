-- Screening: watch-list versions and entries, matches with their review by the MVD office, the screening state
-- of each case, and the job that screens a case when it reaches medical_cleared.

create table watchlist_versions (
  id uuid primary key default gen_random_uuid(),
  version integer not null unique,
  source text not null,
  entry_count integer not null,
  imported_by uuid references users (id),
  imported_at timestamptz not null default now(),
  rescreen_job_id bigint
);
comment on table watchlist_versions is 'One imported version of the entry-ban list; the highest version is in force. A failed import writes nothing.';
comment on column watchlist_versions.id is 'Surrogate key.';
comment on column watchlist_versions.version is 'Version number, 1, 2, 3, ...; the highest is in force.';
comment on column watchlist_versions.source is 'Where the list came from (file name or note of the importing officer).';
comment on column watchlist_versions.entry_count is 'Number of entries.';
comment on column watchlist_versions.imported_by is 'Officer who imported it; null for the system.';
comment on column watchlist_versions.imported_at is 'When it was imported.';
comment on column watchlist_versions.rescreen_job_id is 'The job that screens the whole pool against this version.';

create table watchlist_entries (
  id bigint generated always as identity primary key,
  version_id uuid not null references watchlist_versions (id),
  list_id text not null,
  name text not null,
  birth_date text not null,
  gender char(1),
  passport_number text,
  nationality text,
  unique (version_id, list_id)
);
comment on table watchlist_entries is 'Entries of a list version as imported (DESIGN.md section 8). Seen only by the MVD office.';
comment on column watchlist_entries.id is 'Surrogate key.';
comment on column watchlist_entries.version_id is 'The list version.';
comment on column watchlist_entries.list_id is 'The entry''s id in the list.';
comment on column watchlist_entries.name is 'Full name in any script and order.';
comment on column watchlist_entries.birth_date is 'YYYY-MM-DD, YYYY-MM, YYYY or empty.';
comment on column watchlist_entries.gender is 'M, F, X or null.';
comment on column watchlist_entries.passport_number is 'Passport number, if the list has one.';
comment on column watchlist_entries.nationality is 'Country code, if the list has one.';

create table screening_matches (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  case_id uuid references cases (id),
  version_id uuid not null references watchlist_versions (id),
  entry_id bigint not null references watchlist_entries (id),
  list_id text not null,
  fingerprint text not null,
  score numeric(5, 4) not null check (score >= 0 and score <= 1),
  decision text not null check (decision in ('match', 'review')),
  reasons jsonb not null,
  status text not null default 'open' check (status in ('open', 'refusal_proposed', 'cleared', 'refused', 'superseded')),
  proposed_by uuid references users (id),
  proposed_at timestamptz,
  proposal_reason text,
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_reason text,
  created_at timestamptz not null default now(),
  unique (person_id, version_id, entry_id)
);
create index screening_matches_status_idx on screening_matches (status, created_at);
create index screening_matches_person_idx on screening_matches (person_id);
comment on table screening_matches is 'A person found on a list version: the review queue of the MVD office. Never shown to the applicant.';
comment on column screening_matches.id is 'Surrogate key.';
comment on column screening_matches.person_id is 'The person screened.';
comment on column screening_matches.case_id is 'The case being screened, if any.';
comment on column screening_matches.version_id is 'The list version matched.';
comment on column screening_matches.entry_id is 'The list entry matched.';
comment on column screening_matches.list_id is 'The entry''s id in the list (kept when versions change).';
comment on column screening_matches.fingerprint is 'Hash of the entry''s content: a cleared match is not raised again for an unchanged entry in a later version.';
comment on column screening_matches.score is 'Match score in [0, 1].';
comment on column screening_matches.decision is 'match or review, as the engine decided.';
comment on column screening_matches.reasons is 'Why, as reason codes (screening/matching/reasons.ts).';
comment on column screening_matches.status is 'open, refusal_proposed (first officer), cleared, refused (second officer), superseded (entry gone from the list).';
comment on column screening_matches.proposed_by is 'Officer who proposed the refusal.';
comment on column screening_matches.proposed_at is 'When the refusal was proposed.';
comment on column screening_matches.proposal_reason is 'Reason given with the proposal (seen by officers only).';
comment on column screening_matches.decided_by is 'Officer who cleared, or confirmed the refusal (never the proposer).';
comment on column screening_matches.decided_at is 'When it was decided.';
comment on column screening_matches.decision_reason is 'Reason given with the decision (seen by officers only).';
comment on column screening_matches.created_at is 'When the match was found.';

create table case_screenings (
  case_id uuid primary key references cases (id),
  outcome text not null check (outcome in ('clear', 'hold', 'refused')),
  version_id uuid references watchlist_versions (id),
  screened_at timestamptz not null default now()
);
comment on table case_screenings is 'The screening outcome of a case: clear, on hold while matches are reviewed, or refused.';
comment on column case_screenings.case_id is 'The case.';
comment on column case_screenings.outcome is 'clear, hold or refused.';
comment on column case_screenings.version_id is 'List version screened against (null when no list was in force).';
comment on column case_screenings.screened_at is 'When the outcome was last set.';
