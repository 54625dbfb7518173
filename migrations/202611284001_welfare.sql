-- Welfare: notifications (outbox) and grievances with SLA, escalation, threaded messages and attachments.

create table notification_outbox (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  locale text not null check (locale in ('tg', 'ru', 'en')),
  event text not null,
  subject text,
  body text not null,
  dedupe_key text not null unique,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  provider_message_id text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index notification_outbox_person_idx on notification_outbox (person_id, created_at);
create index notification_outbox_pending_idx on notification_outbox (created_at) where status = 'pending';
comment on table notification_outbox is 'Messages to workers, written in the transaction of the change that causes them and delivered by a job; the dedupe key makes every message unique.';
comment on column notification_outbox.id is 'Surrogate key; also the message id given to the provider, so a resend after a crash can be recognised.';
comment on column notification_outbox.person_id is 'The worker the message is for.';
comment on column notification_outbox.channel is 'email or sms.';
comment on column notification_outbox.recipient is 'E-mail address or phone number at the time of writing (personal data: never logged).';
comment on column notification_outbox.locale is 'Language the message is written in (the worker''s).';
comment on column notification_outbox.event is 'What caused the message, e.g. case.confirm_arrival or deadline.patent_application.';
comment on column notification_outbox.subject is 'E-mail subject; null for SMS.';
comment on column notification_outbox.body is 'Message text in the worker''s language.';
comment on column notification_outbox.dedupe_key is 'One message per cause and channel: the same cause never sends twice.';
comment on column notification_outbox.status is 'pending, sent, or failed after the last retry.';
comment on column notification_outbox.attempts is 'Delivery attempts so far.';
comment on column notification_outbox.last_error is 'Error of the last failed attempt (provider code, no personal data).';
comment on column notification_outbox.provider_message_id is 'Id the provider gave the message.';
comment on column notification_outbox.created_at is 'When the message was written.';
comment on column notification_outbox.sent_at is 'When the provider accepted it.';

create table grievances (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  case_id uuid not null references cases (id),
  person_id uuid not null references persons (id),
  employer_organization_id uuid references organizations (id),
  category text not null check (category in ('wages_unpaid', 'documents_withheld', 'contract_changed', 'unsafe_housing', 'other')),
  language text not null check (language in ('tg', 'ru', 'en')),
  status text not null check (status in ('open', 'acknowledged', 'resolved', 'closed', 'withdrawn')),
  source text not null default 'worker' check (source in ('worker', 'system')),
  ack_due_at timestamptz not null,
  acknowledged_at timestamptz,
  escalated_at timestamptz,
  employer_contacted_at timestamptz,
  resolved_at timestamptz,
  request_id text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index grievances_case_idx on grievances (case_id);
create index grievances_status_idx on grievances (status, ack_due_at);
create index grievances_employer_idx on grievances (employer_organization_id);
comment on table grievances is 'A worker''s complaint (or one raised by Corridor itself), handled by the destination office with an SLA; confidential to the worker and the offices.';
comment on column grievances.id is 'Surrogate key.';
comment on column grievances.reference is 'Short reference the worker can quote, e.g. G-2026-000123.';
comment on column grievances.case_id is 'The worker''s case.';
comment on column grievances.person_id is 'The worker.';
comment on column grievances.employer_organization_id is 'Employer of the case when the grievance was filed (for statistics; the employer cannot see it).';
comment on column grievances.category is 'wages_unpaid, documents_withheld, contract_changed, unsafe_housing or other.';
comment on column grievances.language is 'Language the worker wrote in.';
comment on column grievances.status is 'open, acknowledged, resolved, closed or withdrawn (welfare/grievance.workflow.ts).';
comment on column grievances.source is 'worker, or system when Corridor raised it (a changed contract on arrival).';
comment on column grievances.ack_due_at is 'When acknowledgement is due: the end of the second working day at the office.';
comment on column grievances.acknowledged_at is 'When the office acknowledged it.';
comment on column grievances.escalated_at is 'When it was escalated to the origin agency for a missed SLA.';
comment on column grievances.employer_contacted_at is 'When the office decided to contact the employer; before that the employer sees nothing.';
comment on column grievances.resolved_at is 'When the office resolved it.';
comment on column grievances.request_id is 'Client idempotency key.';
comment on column grievances.created_at is 'When it was filed.';
comment on column grievances.updated_at is 'When it last changed.';

create table grievance_messages (
  id uuid primary key default gen_random_uuid(),
  grievance_id uuid not null references grievances (id),
  author_user_id uuid references users (id),
  author_role text not null,
  audience text not null check (audience in ('worker', 'internal', 'employer')),
  body text not null,
  request_id text not null unique,
  created_at timestamptz not null default now()
);
create index grievance_messages_grievance_idx on grievance_messages (grievance_id, created_at);
comment on table grievance_messages is 'The thread of a grievance.';
comment on column grievance_messages.id is 'Surrogate key.';
comment on column grievance_messages.grievance_id is 'The grievance.';
comment on column grievance_messages.author_user_id is 'Who wrote it; null for Corridor itself.';
comment on column grievance_messages.author_role is 'Role of the author at the time.';
comment on column grievance_messages.audience is 'worker: between the worker and the offices; internal: offices only; employer: the office and the employer.';
comment on column grievance_messages.body is 'Message text (personal data: never logged or audited).';
comment on column grievance_messages.request_id is 'Client idempotency key.';
comment on column grievance_messages.created_at is 'When it was written.';

create table grievance_attachments (
  id uuid primary key default gen_random_uuid(),
  grievance_id uuid not null references grievances (id),
  message_id uuid not null references grievance_messages (id),
  file_name text not null,
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 5242880),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index grievance_attachments_grievance_idx on grievance_attachments (grievance_id);
comment on table grievance_attachments is 'Photos and documents attached to grievance messages (up to 5 MiB each).';
comment on column grievance_attachments.id is 'Surrogate key.';
comment on column grievance_attachments.grievance_id is 'The grievance.';
comment on column grievance_attachments.message_id is 'The message it came with; it is visible to that message''s audience.';
comment on column grievance_attachments.file_name is 'File name as uploaded (sanitised).';
comment on column grievance_attachments.content_type is 'JPEG, PNG or PDF, checked against the file''s own signature.';
comment on column grievance_attachments.size_bytes is 'Size in bytes.';
comment on column grievance_attachments.sha256 is 'SHA-256 of the content, hex.';
comment on column grievance_attachments.content is 'The file.';
comment on column grievance_attachments.created_at is 'When it was uploaded.';

create sequence grievance_reference_seq;
comment on sequence grievance_reference_seq is 'Numbers grievance references.';
