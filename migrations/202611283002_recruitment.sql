-- Recruitment: candidate profiles, matching runs with their shortlists, offers, contracts and signatures.

create table candidate_profiles (
  case_id uuid primary key references cases (id),
  occupation char(4) not null,
  skill_level integer not null check (skill_level between 1 and 4),
  russian_level integer not null check (russian_level between 0 and 5),
  experience_years integer not null check (experience_years between 0 and 60),
  skills jsonb not null default '[]',
  preferred_regions jsonb not null default '[]',
  updated_at timestamptz not null default now()
);
comment on table candidate_profiles is 'What a candidate states for matching: occupation, levels, experience, skills, up to three preferred regions.';
comment on column candidate_profiles.case_id is 'The case (one person in one round).';
comment on column candidate_profiles.occupation is 'ISCO-08 unit group the candidate applies for.';
comment on column candidate_profiles.skill_level is 'Skill level 1-4 (ISCO).';
comment on column candidate_profiles.russian_level is 'Russian level: 0 none, 1 A1, 2 A2, 3 B1, 4 B2, 5 C1.';
comment on column candidate_profiles.experience_years is 'Years of experience in the occupation.';
comment on column candidate_profiles.skills is 'Free skills as a JSON array of short strings.';
comment on column candidate_profiles.preferred_regions is 'Up to three ISO 3166-2:RU codes in order of preference; empty for any region.';
comment on column candidate_profiles.updated_at is 'When the profile last changed.';

create table match_runs (
  id uuid primary key default gen_random_uuid(),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  policy jsonb not null,
  requested_by_user_id uuid references users (id),
  request_id text not null unique,
  job_id bigint,
  candidates integer,
  vacancies integer,
  seats integer,
  assigned integer,
  objective bigint,
  edges integer,
  duration_ms integer,
  error text,
  published_at timestamptz,
  published_by_user_id uuid references users (id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
comment on table match_runs is 'One run of the optimal matching over the pool and the open seats; runs can be compared, one is published as shortlists.';
comment on column match_runs.id is 'Surrogate key.';
comment on column match_runs.status is 'queued, running, done or failed.';
comment on column match_runs.policy is 'Weights used (DESIGN.md section 8 defaults unless the agency changed them).';
comment on column match_runs.requested_by_user_id is 'Official who started the run.';
comment on column match_runs.request_id is 'Client idempotency key.';
comment on column match_runs.job_id is 'Background job computing the run (progress).';
comment on column match_runs.candidates is 'Candidates considered.';
comment on column match_runs.vacancies is 'Approved labour requests with open seats considered.';
comment on column match_runs.seats is 'Open seats considered.';
comment on column match_runs.assigned is 'Seats filled by the optimal assignment.';
comment on column match_runs.objective is 'Sum of the weights of the assignment (the optimum).';
comment on column match_runs.edges is 'Fitting candidate-seat pairs in the network.';
comment on column match_runs.duration_ms is 'Solver time.';
comment on column match_runs.error is 'Why the run failed (no personal data).';
comment on column match_runs.published_at is 'When the run was published as the shortlists employers choose from.';
comment on column match_runs.published_by_user_id is 'Official who published.';
comment on column match_runs.created_at is 'When the run was requested.';
comment on column match_runs.finished_at is 'When the run finished.';

create table match_run_entries (
  id uuid primary key default gen_random_uuid(),
  run_id uuid not null references match_runs (id),
  labour_request_id uuid not null references labour_requests (id),
  seat_no integer not null,
  case_id uuid not null references cases (id),
  position integer not null check (position between 1 and 3),
  weight integer not null,
  reasons jsonb not null,
  status text not null default 'computed' check (status in ('computed', 'proposed', 'selected', 'rejected', 'superseded', 'closed')),
  decided_at timestamptz,
  unique (run_id, labour_request_id, seat_no, position)
);
create index match_run_entries_request_idx on match_run_entries (labour_request_id, status);
create index match_run_entries_case_idx on match_run_entries (case_id, status);
comment on table match_run_entries is 'A run''s shortlist per seat: position 1 is the optimal assignee, 2-3 the next best fitting alternates.';
comment on column match_run_entries.id is 'Surrogate key.';
comment on column match_run_entries.run_id is 'The run.';
comment on column match_run_entries.labour_request_id is 'The labour request (vacancy).';
comment on column match_run_entries.seat_no is 'Seat of the request, 1-based.';
comment on column match_run_entries.case_id is 'The candidate''s case.';
comment on column match_run_entries.position is '1: assigned by the optimum; 2-3: alternates.';
comment on column match_run_entries.weight is 'Weight of the fit under the run''s policy.';
comment on column match_run_entries.reasons is 'Why the candidate fits: levels against minimums, preference rank, waiting days.';
comment on column match_run_entries.status is 'computed (run not published), proposed (on a published shortlist), selected, rejected, superseded (a newer run was published), closed (seat or request done).';
comment on column match_run_entries.decided_at is 'When the employer selected or rejected the entry.';

create table offers (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  labour_request_id uuid not null references labour_requests (id),
  seat_no integer not null,
  entry_id uuid references match_run_entries (id),
  status text not null default 'selected' check (status in ('selected', 'offered', 'accepted', 'declined', 'expired', 'contracted')),
  terms jsonb not null,
  deadline_at timestamptz,
  answered_at timestamptz,
  request_id text not null unique,
  created_at timestamptz not null default now()
);
create unique index offers_one_live_per_seat on offers (labour_request_id, seat_no) where status in ('selected', 'offered', 'accepted', 'contracted');
create unique index offers_one_live_per_case on offers (case_id) where status in ('selected', 'offered', 'accepted', 'contracted');
create index offers_deadline_idx on offers (deadline_at) where status = 'offered';
comment on table offers is 'The employer''s choice of a candidate for one seat, then the offer the origin agency sends; at most one live row per seat and per candidate (unique indexes).';
comment on column offers.id is 'Surrogate key.';
comment on column offers.case_id is 'The candidate''s case.';
comment on column offers.labour_request_id is 'The labour request.';
comment on column offers.seat_no is 'The seat of the request.';
comment on column offers.entry_id is 'The shortlist entry the employer selected.';
comment on column offers.status is 'selected (employer chose, the origin agency has not sent the offer yet), offered, accepted, declined, expired or contracted.';
comment on column offers.terms is 'Snapshot of the terms (occupation, region, wage, hours, housing, contract length, start date, duties).';
comment on column offers.deadline_at is 'The candidate answers before this instant; then the offer expires. Set when the offer is sent.';
comment on column offers.answered_at is 'When the candidate accepted or declined.';
comment on column offers.request_id is 'Client idempotency key of the selection.';
comment on column offers.created_at is 'When the employer selected the candidate.';

alter table offers add column sent_at timestamptz;
comment on column offers.sent_at is 'When the origin agency sent the offer to the candidate.';

create table contracts (
  id uuid primary key default gen_random_uuid(),
  offer_id uuid not null unique references offers (id),
  case_id uuid not null references cases (id),
  employer_organization_id uuid not null references organizations (id),
  template_version text not null,
  pdf bytea not null,
  sha256 char(64) not null,
  status text not null default 'awaiting_signatures' check (status in ('awaiting_signatures', 'signed')),
  signed_at timestamptz,
  sealed_credential_id text,
  created_at timestamptz not null default now()
);
comment on table contracts is 'The standard bilingual (Russian and Tajik) employment contract generated from an accepted offer.';
comment on column contracts.id is 'Surrogate key.';
comment on column contracts.offer_id is 'The accepted offer.';
comment on column contracts.case_id is 'The worker''s case.';
comment on column contracts.employer_organization_id is 'The employer.';
comment on column contracts.template_version is 'Version of the standard contract template.';
comment on column contracts.pdf is 'The exact PDF both parties sign.';
comment on column contracts.sha256 is 'SHA-256 of the PDF (hex): what the signatures cover and what a sealed credential carries.';
comment on column contracts.status is 'awaiting_signatures until both parties signed, then signed.';
comment on column contracts.signed_at is 'When the second signature made it binding.';
comment on column contracts.sealed_credential_id is 'Id of the signed QR credential that seals sha256 (set by the credentials module).';
comment on column contracts.created_at is 'When the contract was generated.';

create table contract_signatures (
  contract_id uuid not null references contracts (id),
  party text not null check (party in ('employer', 'worker')),
  user_id uuid references users (id),
  signed_at timestamptz not null default now(),
  document_sha256 char(64) not null,
  channel text not null check (channel in ('session', 'token', 'import')),
  client_key text,
  primary key (contract_id, party)
);
comment on table contract_signatures is 'Who signed a contract, when and from where; one row per party.';
comment on column contract_signatures.contract_id is 'The contract.';
comment on column contract_signatures.party is 'employer or worker.';
comment on column contract_signatures.user_id is 'Account that signed (the worker himself, or the employer''s official); null for signatures imported from paper records.';
comment on column contract_signatures.signed_at is 'When.';
comment on column contract_signatures.document_sha256 is 'Hash of the PDF that was signed (equals contracts.sha256).';
comment on column contract_signatures.channel is 'session (web) or token (API); import for a signature on paper recorded from another system.';
comment on column contract_signatures.client_key is 'Where from: HMAC-SHA256 of the client IP address under SECRET_KEY (the address itself is personal data and is not stored); null for imported signatures.';
