-- People: passports from the MRZ, officer corrections of the Russian form, match keys for duplicate detection,
-- duplicate candidates and reversible merges.

alter table persons add column passport_issuing_state char(3);
alter table persons add column merged_into_person_id uuid references persons (id);
alter table persons add column destination_corrected_at timestamptz;
comment on column persons.passport_issuing_state is 'Issuing state of the passport as in the MRZ (ISO 3166-1 alpha-3 or ICAO code).';
comment on column persons.merged_into_person_id is 'Set when an agency officer merged this record into another person (reversible); such records are not searched.';
comment on column persons.destination_corrected_at is 'When an officer last corrected the Russian form of the name; null while it is the derived form.';

create table person_match_keys (
  person_id uuid primary key references persons (id),
  keys integer[] not null
);
create index person_match_keys_gin on person_match_keys using gin (keys);
comment on table person_match_keys is 'Blocking keys of each person''s names and birth year (hashes, no names), for finding probable duplicates.';
comment on column person_match_keys.person_id is 'The person.';
comment on column person_match_keys.keys is '32-bit blocking keys from screening/matching/blocking.ts; a person is compared only with persons sharing a key.';

create table duplicate_candidates (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  candidate_person_id uuid not null references persons (id),
  score numeric(5, 4) not null check (score >= 0 and score <= 1),
  reasons jsonb not null,
  status text not null default 'open' check (status in ('open', 'merged', 'kept_apart')),
  moved_user_ids jsonb,
  decided_by uuid references users (id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  unique (person_id, candidate_person_id),
  check (person_id <> candidate_person_id)
);
create index duplicate_candidates_status_idx on duplicate_candidates (status, created_at);
comment on table duplicate_candidates is 'A newly registered person and an existing person who is probably the same; decided by an agency officer.';
comment on column duplicate_candidates.id is 'Surrogate key.';
comment on column duplicate_candidates.person_id is 'The newer registration.';
comment on column duplicate_candidates.candidate_person_id is 'The existing person it probably duplicates.';
comment on column duplicate_candidates.score is 'Match score in [0, 1].';
comment on column duplicate_candidates.reasons is 'Why they match, as reason codes (screening/matching/reasons.ts); no names.';
comment on column duplicate_candidates.status is 'open, merged (the newer record merged into the existing one) or kept_apart.';
comment on column duplicate_candidates.moved_user_ids is 'Accounts moved to the existing person by the merge, so that the merge can be undone.';
comment on column duplicate_candidates.decided_by is 'Officer who merged or kept apart.';
comment on column duplicate_candidates.decided_at is 'When it was decided.';
comment on column duplicate_candidates.created_at is 'When the candidate was found.';
