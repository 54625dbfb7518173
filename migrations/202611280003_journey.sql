-- Journey: corridors with their rule sets, recruitment rounds, cases and their action log.

create table corridors (
  code text primary key,
  origin_country char(2) not null,
  destination_country char(2) not null,
  origin_timezone text not null,
  destination_timezone text not null,
  languages jsonb not null,
  rules jsonb not null,
  created_at timestamptz not null default now()
);
comment on table corridors is 'An origin-destination pair with its languages and rule set; nothing corridor-specific is in code.';
comment on column corridors.code is 'Short code, e.g. TJ-RU.';
comment on column corridors.origin_country is 'ISO 3166-1 alpha-2 origin country.';
comment on column corridors.destination_country is 'ISO 3166-1 alpha-2 destination country.';
comment on column corridors.origin_timezone is 'IANA time zone of the origin (dates at departure).';
comment on column corridors.destination_timezone is 'IANA time zone of the destination (deadlines after arrival).';
comment on column corridors.languages is 'Interface languages of the corridor, origin language first.';
comment on column corridors.rules is 'Rule set: deadlines in days, pool eligibility requirements (see journey/corridor.schema.ts).';
comment on column corridors.created_at is 'When the corridor was set up.';

create table recruitment_rounds (
  id uuid primary key default gen_random_uuid(),
  corridor_code text not null references corridors (code),
  name text not null,
  opens_on date not null,
  closes_on date not null,
  created_at timestamptz not null default now(),
  check (closes_on >= opens_on)
);
comment on table recruitment_rounds is 'A recruitment round of a corridor (usually a year); a person has at most one case per round.';
comment on column recruitment_rounds.id is 'Surrogate key.';
comment on column recruitment_rounds.corridor_code is 'Corridor the round belongs to.';
comment on column recruitment_rounds.name is 'Label, e.g. 2027.';
comment on column recruitment_rounds.opens_on is 'First day applications are accepted.';
comment on column recruitment_rounds.closes_on is 'Last day to book the medical examination in this round.';
comment on column recruitment_rounds.created_at is 'When the round was created.';

create table cases (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  round_id uuid not null references recruitment_rounds (id),
  status text not null,
  status_changed_at timestamptz not null default now(),
  employer_organization_id uuid references organizations (id),
  departed_on date,
  arrived_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  unique (person_id, round_id)
);
create index cases_status_idx on cases (status);
create index cases_employer_idx on cases (employer_organization_id) where employer_organization_id is not null;
comment on table cases is 'One person''s journey in one recruitment round. Status changes only through the transition table.';
comment on column cases.id is 'Surrogate key.';
comment on column cases.person_id is 'The applicant.';
comment on column cases.round_id is 'The recruitment round.';
comment on column cases.status is 'Current status (journey/case.workflow.ts); derived from the action log, stored for queries.';
comment on column cases.status_changed_at is 'When the status last changed.';
comment on column cases.employer_organization_id is 'Employer that selected the candidate; scopes the employer''s access.';
comment on column cases.departed_on is 'Departure date (origin calendar).';
comment on column cases.arrived_on is 'Arrival date (destination calendar); deadlines count from it.';
comment on column cases.version is 'Incremented on every transition (optimistic concurrency).';
comment on column cases.created_at is 'When the case was opened.';

create table case_actions (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  action text not null,
  from_status text not null,
  to_status text not null,
  actor_user_id uuid references users (id),
  actor_role text not null,
  reason text,
  request_id text not null unique,
  created_at timestamptz not null default now()
);
create index case_actions_case_idx on case_actions (case_id, created_at);
comment on table case_actions is 'Append-only log of case transitions; the case''s status is the to_status of its last action.';
comment on column case_actions.id is 'Surrogate key.';
comment on column case_actions.case_id is 'The case.';
comment on column case_actions.action is 'Action taken (journey/case.workflow.ts).';
comment on column case_actions.from_status is 'Status before the action.';
comment on column case_actions.to_status is 'Status after the action.';
comment on column case_actions.actor_user_id is 'Account that acted; null for the system.';
comment on column case_actions.actor_role is 'Role of the actor, or system:<name>.';
comment on column case_actions.reason is 'Reason given by the actor (closing, returning); never a medical detail.';
comment on column case_actions.request_id is 'Client-supplied idempotency key: a retried request finds this row and changes nothing.';
comment on column case_actions.created_at is 'When the action was taken.';
