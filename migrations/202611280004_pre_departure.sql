-- Journey: pre-departure records (orientation course, Russian-language certificate) that pool eligibility needs.

create table pre_departure_records (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('orientation', 'language_certificate')),
  completed_on date not null,
  reference text,
  score integer check (score is null or score between 0 and 100),
  recorded_by uuid references users (id),
  request_id text not null unique,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references users (id)
);
create unique index pre_departure_records_active_key on pre_departure_records (case_id, kind) where revoked_at is null;
comment on table pre_departure_records is 'Orientation course completion and the Russian-language certificate, recorded on the case by the origin agency.';
comment on column pre_departure_records.id is 'Surrogate key.';
comment on column pre_departure_records.case_id is 'The case.';
comment on column pre_departure_records.kind is 'orientation or language_certificate.';
comment on column pre_departure_records.completed_on is 'Date the course was completed or the certificate issued.';
comment on column pre_departure_records.reference is 'Certificate number or course group reference.';
comment on column pre_departure_records.score is 'Exam or course score in percent, when there is one.';
comment on column pre_departure_records.recorded_by is 'Officer who recorded it.';
comment on column pre_departure_records.request_id is 'Client idempotency key.';
comment on column pre_departure_records.created_at is 'When it was recorded.';
comment on column pre_departure_records.revoked_at is 'When the record was withdrawn (entered in error); a withdrawn record does not count.';
comment on column pre_departure_records.revoked_by is 'Officer who withdrew it.';
