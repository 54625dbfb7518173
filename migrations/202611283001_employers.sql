-- Employers: registration data and verification of employer organizations, regional sector bans edited by the
-- destination agency, quotas per region x occupation x year, and labour requests.

create table employers (
  organization_id uuid primary key references organizations (id),
  legal_form text not null check (legal_form in ('organization', 'sole_proprietor')),
  legal_name text not null,
  inn text not null unique check (inn ~ '^[0-9]{10}([0-9]{2})?$'),
  ogrn text not null unique check (ogrn ~ '^[0-9]{13}([0-9]{2})?$'),
  kpp text check (kpp ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'),
  region text not null,
  address text not null,
  status text not null default 'pending' check (status in ('pending', 'verified', 'suspended')),
  status_reason text,
  verified_at timestamptz,
  verified_by_user_id uuid references users (id),
  registered_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table employers is 'Registration data of an employer organization (organizations.kind = employer), verified by the destination agency.';
comment on column employers.organization_id is 'The employer organization.';
comment on column employers.legal_form is 'organization (INN 10 digits, OGRN, KPP) or sole_proprietor (INN 12 digits, OGRNIP, no KPP).';
comment on column employers.legal_name is 'Full legal name as in the state register (not personal data for organizations).';
comment on column employers.inn is 'Taxpayer number; check digits validated.';
comment on column employers.ogrn is 'OGRN (13 digits) or OGRNIP (15 digits); check digit validated.';
comment on column employers.kpp is 'Registration reason code (organizations only).';
comment on column employers.region is 'ISO 3166-2:RU code of the registered address.';
comment on column employers.address is 'Registered (legal) address.';
comment on column employers.status is 'pending until the destination agency verifies; suspended employers cannot post requests or sign.';
comment on column employers.status_reason is 'Why the employer was suspended (shown to the employer).';
comment on column employers.verified_at is 'When the destination agency last verified the employer.';
comment on column employers.verified_by_user_id is 'Official who verified.';
comment on column employers.registered_at is 'When the registration data was first submitted.';
comment on column employers.updated_at is 'When the row last changed.';

create table sector_ban_edits (
  region text not null,
  sector text not null,
  banned boolean not null,
  reason text,
  edited_by_user_id uuid references users (id),
  edited_at timestamptz not null default now(),
  primary key (region, sector)
);
comment on table sector_ban_edits is 'Destination agency edits on top of reference/recruitment/ru-sector-bans.json: the latest word per region and sector.';
comment on column sector_ban_edits.region is 'ISO 3166-2:RU code.';
comment on column sector_ban_edits.sector is 'OKVED 2 code of the kind of activity.';
comment on column sector_ban_edits.banned is 'true: foreign patent workers are barred from the sector in the region; false: the ban is lifted.';
comment on column sector_ban_edits.reason is 'Legal basis or note (e.g. the decree).';
comment on column sector_ban_edits.edited_by_user_id is 'Official who made the edit.';
comment on column sector_ban_edits.edited_at is 'When.';

create table quotas (
  year integer not null check (year between 2000 and 2100),
  region text not null,
  occupation char(4) not null,
  total integer not null check (total >= 0),
  used integer not null default 0 check (used >= 0),
  updated_at timestamptz not null default now(),
  primary key (year, region, occupation),
  check (used <= total)
);
comment on table quotas is 'Seats for organized recruitment per region, occupation and year; approvals consume them atomically.';
comment on column quotas.year is 'Calendar year of the labour requests'' start dates.';
comment on column quotas.region is 'ISO 3166-2:RU code.';
comment on column quotas.occupation is 'ISCO-08 unit group.';
comment on column quotas.total is 'Seats the destination agency allows.';
comment on column quotas.used is 'Seats reserved by approved labour requests (never above total: the check and the guarded update).';
comment on column quotas.updated_at is 'When the row last changed.';

create table labour_requests (
  id uuid primary key default gen_random_uuid(),
  employer_organization_id uuid not null references employers (organization_id),
  occupation char(4) not null,
  region text not null,
  sector text not null,
  seats integer not null check (seats between 1 and 10000),
  wage_rub integer not null check (wage_rub > 0),
  hours_per_week integer not null check (hours_per_week between 1 and 40),
  housing text not null check (housing in ('free', 'paid', 'none')),
  contract_months integer not null check (contract_months between 1 and 36),
  start_on date not null,
  min_skill_level integer not null check (min_skill_level between 1 and 4),
  min_russian_level integer not null check (min_russian_level between 0 and 5),
  min_experience_years integer not null check (min_experience_years between 0 and 40),
  duties text not null default '',
  status text not null default 'submitted' check (status in ('submitted', 'approved', 'rejected', 'withdrawn')),
  decision_reason text,
  decided_by_user_id uuid references users (id),
  decided_at timestamptz,
  request_id text not null unique,
  created_at timestamptz not null default now()
);
create index labour_requests_employer_idx on labour_requests (employer_organization_id, created_at desc);
create index labour_requests_status_idx on labour_requests (status);
comment on table labour_requests is 'An employer''s request for workers; approved by the destination agency against sector bans and the quota.';
comment on column labour_requests.id is 'Surrogate key.';
comment on column labour_requests.employer_organization_id is 'The employer.';
comment on column labour_requests.occupation is 'ISCO-08 unit group.';
comment on column labour_requests.region is 'ISO 3166-2:RU code of the workplace.';
comment on column labour_requests.sector is 'OKVED 2 code of the kind of activity (checked against the region''s bans).';
comment on column labour_requests.seats is 'Workers requested.';
comment on column labour_requests.wage_rub is 'Monthly gross wage in roubles; never below the regional minimum (pro rata for part time).';
comment on column labour_requests.hours_per_week is 'Working hours per week.';
comment on column labour_requests.housing is 'free, paid (deducted) or none.';
comment on column labour_requests.contract_months is 'Length of the employment contract.';
comment on column labour_requests.start_on is 'Planned first working day; its year picks the quota.';
comment on column labour_requests.min_skill_level is 'Minimum skill level (ISCO 1-4).';
comment on column labour_requests.min_russian_level is 'Minimum Russian level: 0 none, 1 A1, 2 A2, 3 B1, 4 B2, 5 C1.';
comment on column labour_requests.min_experience_years is 'Minimum years of experience in the occupation.';
comment on column labour_requests.duties is 'Short description of the work (shown in the offer and the contract).';
comment on column labour_requests.status is 'submitted, approved, rejected or withdrawn.';
comment on column labour_requests.decision_reason is 'Why it was rejected (or a note on approval).';
comment on column labour_requests.decided_by_user_id is 'Official who decided.';
comment on column labour_requests.decided_at is 'When it was decided.';
comment on column labour_requests.request_id is 'Client idempotency key of the submission.';
comment on column labour_requests.created_at is 'When it was submitted.';
