-- Journey after the contract: travel groups, work patents and their monthly payments, transfers between employers.

create table travel_groups (
  id uuid primary key default gen_random_uuid(),
  corridor_code text not null references corridors (code),
  name text not null,
  departure_date date not null,
  route text not null,
  created_by uuid references users (id),
  departed_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table travel_groups is 'Workers who travel together, organized by the origin agency.';
comment on column travel_groups.id is 'Surrogate key.';
comment on column travel_groups.corridor_code is 'Corridor of the journey.';
comment on column travel_groups.name is 'Label, e.g. Yekaterinburg group 14.';
comment on column travel_groups.departure_date is 'Planned departure date (origin calendar).';
comment on column travel_groups.route is 'How the group travels, e.g. DYU → SVX, flight number.';
comment on column travel_groups.created_by is 'Officer who set the group up.';
comment on column travel_groups.departed_at is 'When the group''s departure was recorded.';
comment on column travel_groups.created_at is 'When the group was created.';

alter table cases add column travel_group_id uuid references travel_groups (id);
comment on column cases.travel_group_id is 'Travel group the worker departs with.';
create index cases_travel_group_idx on cases (travel_group_id) where travel_group_id is not null;

create table patents (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null unique references cases (id),
  number text not null,
  region text not null,
  issued_on date not null,
  recorded_by uuid references users (id),
  request_id text not null unique,
  created_at timestamptz not null default now()
);
comment on table patents is 'The work patent of a worker in the destination country.';
comment on column patents.id is 'Surrogate key.';
comment on column patents.case_id is 'The case (one patent per case).';
comment on column patents.number is 'Patent number as printed, e.g. 66 2612345678.';
comment on column patents.region is 'ISO 3166-2 code of the region the patent is valid in.';
comment on column patents.issued_on is 'Issue date.';
comment on column patents.recorded_by is 'Who recorded it.';
comment on column patents.request_id is 'Client idempotency key.';
comment on column patents.created_at is 'When it was recorded.';

create table patent_payments (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  months integer not null check (months between 1 and 12),
  amount_rub numeric(12, 2) not null check (amount_rub > 0),
  paid_on date not null,
  recorded_by uuid references users (id),
  request_id text not null unique,
  created_at timestamptz not null default now()
);
create index patent_payments_case_idx on patent_payments (case_id);
comment on table patent_payments is 'Fixed advance payments for the patent; the patent is valid for the months paid.';
comment on column patent_payments.id is 'Surrogate key.';
comment on column patent_payments.case_id is 'The case.';
comment on column patent_payments.months is 'Months paid for.';
comment on column patent_payments.amount_rub is 'Amount paid, in roubles.';
comment on column patent_payments.paid_on is 'Date of payment.';
comment on column patent_payments.recorded_by is 'Who recorded it.';
comment on column patent_payments.request_id is 'Client idempotency key.';
comment on column patent_payments.created_at is 'When it was recorded.';

create table employer_transfers (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  from_organization_id uuid references organizations (id),
  to_organization_id uuid not null references organizations (id),
  reason text not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused')),
  requested_by uuid references users (id),
  origin_decision text check (origin_decision in ('consent', 'refuse')),
  origin_decided_by uuid references users (id),
  origin_decided_at timestamptz,
  destination_decision text check (destination_decision in ('consent', 'refuse')),
  destination_decided_by uuid references users (id),
  destination_decided_at timestamptz,
  request_id text not null unique,
  created_at timestamptz not null default now()
);
create unique index employer_transfers_pending_key on employer_transfers (case_id) where status = 'pending';
comment on table employer_transfers is 'A worker''s move to another employer, which needs the consent of both agencies.';
comment on column employer_transfers.id is 'Surrogate key.';
comment on column employer_transfers.case_id is 'The case.';
comment on column employer_transfers.from_organization_id is 'Current employer.';
comment on column employer_transfers.to_organization_id is 'New employer.';
comment on column employer_transfers.reason is 'Why the worker moves (no medical details).';
comment on column employer_transfers.status is 'pending until both agencies decide; approved or refused.';
comment on column employer_transfers.requested_by is 'Officer who asked for it on the worker''s behalf.';
comment on column employer_transfers.origin_decision is 'The origin agency''s consent or refusal.';
comment on column employer_transfers.origin_decided_by is 'Origin agency officer.';
comment on column employer_transfers.origin_decided_at is 'When the origin agency decided.';
comment on column employer_transfers.destination_decision is 'The destination agency''s consent or refusal.';
comment on column employer_transfers.destination_decided_by is 'Destination agency officer.';
comment on column employer_transfers.destination_decided_at is 'When the destination agency decided.';
comment on column employer_transfers.request_id is 'Client idempotency key.';
comment on column employer_transfers.created_at is 'When it was requested.';
