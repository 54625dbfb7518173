-- The contract actually used in the destination, compared with the one sealed before departure.

create table contract_arrival_checks (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references contracts (id),
  case_id uuid not null references cases (id),
  sha256 char(64) not null,
  matches boolean not null,
  grievance_id uuid references grievances (id),
  checked_by uuid references users (id),
  request_id text not null unique,
  created_at timestamptz not null default now()
);
create index contract_arrival_checks_contract_idx on contract_arrival_checks (contract_id);
comment on table contract_arrival_checks is 'Each contract the employer registered as the one used on arrival, with whether it is the contract sealed before departure.';
comment on column contract_arrival_checks.id is 'Surrogate key.';
comment on column contract_arrival_checks.contract_id is 'The contract signed and sealed before departure.';
comment on column contract_arrival_checks.case_id is 'The worker''s case.';
comment on column contract_arrival_checks.sha256 is 'SHA-256 of the document registered on arrival (the document itself is not kept).';
comment on column contract_arrival_checks.matches is 'Whether it is byte for byte the sealed contract.';
comment on column contract_arrival_checks.grievance_id is 'The welfare case raised when it differs.';
comment on column contract_arrival_checks.checked_by is 'Employer account that registered it.';
comment on column contract_arrival_checks.request_id is 'Client idempotency key.';
comment on column contract_arrival_checks.created_at is 'When it was registered.';
