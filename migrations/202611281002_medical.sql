-- Medical: approved clinics, versioned examination procedures, published allocation seeds, appointments with
-- their auditable allocation, exams, per-test results and referrals. Results and referrals are health data:
-- only the health roles read them.

create table clinics (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null unique references organizations (id),
  name text not null,
  address text not null,
  daily_capacity integer not null check (daily_capacity between 1 and 2000),
  opens_at text not null check (opens_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  closes_at text not null check (closes_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  working_days smallint[] not null,
  status text not null check (status in ('pending', 'approved', 'suspended')),
  status_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  check (closes_at > opens_at)
);
comment on table clinics is 'Medical examination points; only approved clinics receive bookings and sign certificates.';
comment on column clinics.id is 'Surrogate key.';
comment on column clinics.organization_id is 'The clinic organization whose staff work here.';
comment on column clinics.name is 'Name shown to applicants and on certificates.';
comment on column clinics.address is 'Street address in Dushanbe (or elsewhere), as shown to applicants.';
comment on column clinics.daily_capacity is 'Examinations the clinic can take per working day.';
comment on column clinics.opens_at is 'Opening time, HH:MM local time.';
comment on column clinics.closes_at is 'Closing time, HH:MM local time.';
comment on column clinics.working_days is 'ISO weekdays the clinic works (1 = Monday … 7 = Sunday).';
comment on column clinics.status is 'pending (awaiting the health authority), approved, or suspended.';
comment on column clinics.status_changed_at is 'When the status last changed.';
comment on column clinics.created_at is 'When the clinic was registered.';

create table medical_procedures (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  version integer not null check (version > 0),
  title text not null,
  tests jsonb not null,
  validity_months integer not null check (validity_months between 1 and 60),
  renewal_window_days integer not null check (renewal_window_days between 1 and 180),
  status text not null check (status in ('draft', 'approved', 'retired')),
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  unique (code, version)
);
comment on table medical_procedures is 'Versioned examination rule sets; an exam records the version it followed, and a new version never changes old certificates.';
comment on column medical_procedures.id is 'Surrogate key.';
comment on column medical_procedures.code is 'Procedure code, the same across versions (e.g. RU-MOH-FW).';
comment on column medical_procedures.version is 'Version number, increasing per code.';
comment on column medical_procedures.title is 'Human-readable title of the procedure.';
comment on column medical_procedures.tests is 'Required tests: [{code, disqualifying: [outcome]}].';
comment on column medical_procedures.validity_months is 'Months a certificate issued under this version is valid.';
comment on column medical_procedures.renewal_window_days is 'Days before expiry when renewal opens.';
comment on column medical_procedures.status is 'draft, approved (the newest approved version is in force) or retired.';
comment on column medical_procedures.approved_at is 'When the health authority approved the version.';
comment on column medical_procedures.created_at is 'When the version was drafted.';

create table allocation_seeds (
  day date primary key,
  seed text not null check (seed ~ '^[0-9a-f]{64}$'),
  published_at timestamptz not null default now()
);
comment on table allocation_seeds is 'Daily random seeds, published before any booking for the day; with a booking id they determine the clinic.';
comment on column allocation_seeds.day is 'The appointment day the seed serves.';
comment on column allocation_seeds.seed is '32 random bytes in hex.';
comment on column allocation_seeds.published_at is 'When the seed became public.';

create table medical_appointments (
  id uuid primary key,
  case_id uuid not null references cases (id),
  person_id uuid not null references persons (id),
  day date not null,
  clinic_id uuid not null references clinics (id),
  status text not null check (status in ('booked', 'examined', 'rescheduled', 'cancelled')),
  allocation jsonb not null,
  request_id text not null unique,
  replaces_id uuid references medical_appointments (id),
  created_at timestamptz not null default now(),
  status_changed_at timestamptz not null default now()
);
create unique index medical_appointments_one_open_per_case on medical_appointments (case_id) where status in ('booked', 'examined');
create index medical_appointments_clinic_day_idx on medical_appointments (clinic_id, day);
comment on table medical_appointments is 'An applicant''s booked examination day; the clinic is allocated, not chosen.';
comment on column medical_appointments.id is 'Booking id; an input of the clinic allocation.';
comment on column medical_appointments.case_id is 'The case the examination is for.';
comment on column medical_appointments.person_id is 'The person examined.';
comment on column medical_appointments.day is 'Appointment day (calendar date in the origin country).';
comment on column medical_appointments.clinic_id is 'The allocated clinic.';
comment on column medical_appointments.status is 'booked, examined (an exam was started), rescheduled (replaced by another) or cancelled.';
comment on column medical_appointments.allocation is 'The allocation record: seed day, candidate clinics with free places, draw and pick; anyone can recompute it.';
comment on column medical_appointments.request_id is 'Client request id; a retried booking returns the same appointment.';
comment on column medical_appointments.replaces_id is 'The appointment this one reschedules.';
comment on column medical_appointments.created_at is 'When the booking was made.';
comment on column medical_appointments.status_changed_at is 'When the status last changed.';

create table medical_exams (
  id uuid primary key default gen_random_uuid(),
  appointment_id uuid not null unique references medical_appointments (id),
  case_id uuid not null references cases (id),
  person_id uuid not null references persons (id),
  clinic_id uuid not null references clinics (id),
  procedure_id uuid not null references medical_procedures (id),
  status text not null check (status in ('in_progress', 'cleared', 'not_cleared')),
  signed_off_by uuid references users (id),
  signed_off_at timestamptz,
  credential_id uuid references credentials (id),
  created_at timestamptz not null default now()
);
create index medical_exams_clinic_idx on medical_exams (clinic_id, status);
comment on table medical_exams is 'One examination at a clinic under one procedure version. Health data: health roles only.';
comment on column medical_exams.id is 'Surrogate key.';
comment on column medical_exams.appointment_id is 'The appointment the exam took place at.';
comment on column medical_exams.case_id is 'The case it is for.';
comment on column medical_exams.person_id is 'The person examined.';
comment on column medical_exams.clinic_id is 'The clinic that examined.';
comment on column medical_exams.procedure_id is 'The procedure version followed.';
comment on column medical_exams.status is 'in_progress, cleared (certificate issued) or not_cleared (referred).';
comment on column medical_exams.signed_off_by is 'The head physician who signed off (never one who recorded a result).';
comment on column medical_exams.signed_off_at is 'When the exam was signed off.';
comment on column medical_exams.credential_id is 'The certificate issued at sign-off, if cleared.';
comment on column medical_exams.created_at is 'When the first result was recorded.';

create table medical_test_results (
  exam_id uuid not null references medical_exams (id),
  test_code text not null,
  outcome text not null check (outcome in ('negative', 'positive')),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null default now(),
  primary key (exam_id, test_code)
);
comment on table medical_test_results is 'The result of each required test. Health data: health roles only, never in the audit trail.';
comment on column medical_test_results.exam_id is 'The exam.';
comment on column medical_test_results.test_code is 'Test code from the procedure version.';
comment on column medical_test_results.outcome is 'negative or positive.';
comment on column medical_test_results.recorded_by is 'Clinic staff member who entered the result.';
comment on column medical_test_results.recorded_at is 'When it was entered (last change).';

create table medical_referrals (
  id uuid primary key default gen_random_uuid(),
  exam_id uuid not null unique references medical_exams (id),
  findings jsonb not null,
  referred_to text not null,
  created_by uuid not null references users (id),
  created_at timestamptz not null default now()
);
comment on table medical_referrals is 'Referral for care after a disqualifying finding. Health data: health roles only.';
comment on column medical_referrals.id is 'Surrogate key.';
comment on column medical_referrals.exam_id is 'The exam with the finding.';
comment on column medical_referrals.findings is 'Test codes whose outcome disqualified.';
comment on column medical_referrals.referred_to is 'Where the person is referred for care.';
comment on column medical_referrals.created_by is 'The head physician who signed off.';
comment on column medical_referrals.created_at is 'When the referral was made.';
