-- People: persons with their names in three forms (passport Latin, Tajik Cyrillic, Russian Cyrillic).

create table persons (
  id uuid primary key default gen_random_uuid(),
  latin_surname text not null,
  latin_given_names text not null,
  origin_surname text not null,
  origin_given_names text not null,
  origin_patronymic text,
  destination_surname text not null,
  destination_given_names text not null,
  destination_patronymic text,
  birth_date date not null,
  gender char(1) not null check (gender in ('M', 'F', 'X')),
  citizenship char(3) not null,
  passport_number text,
  passport_expiry date,
  phone text,
  email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index persons_passport_key on persons (citizenship, passport_number) where passport_number is not null;
create index persons_birth_date_idx on persons (birth_date);
comment on table persons is 'A citizen known to Corridor. Personal data: never logged, never in the audit trail.';
comment on column persons.id is 'Surrogate key.';
comment on column persons.latin_surname is 'Surname in Latin letters exactly as in the passport MRZ.';
comment on column persons.latin_given_names is 'Given names in Latin letters exactly as in the passport MRZ.';
comment on column persons.origin_surname is 'Surname in the origin country''s script (Tajik Cyrillic for TJ).';
comment on column persons.origin_given_names is 'Given names in the origin country''s script.';
comment on column persons.origin_patronymic is 'Patronymic in the origin country''s script, if any.';
comment on column persons.destination_surname is 'Surname in the form used on destination documents (Russian Cyrillic for RU).';
comment on column persons.destination_given_names is 'Given names in the destination form.';
comment on column persons.destination_patronymic is 'Patronymic in the destination form, if any.';
comment on column persons.birth_date is 'Date of birth (calendar date).';
comment on column persons.gender is 'M, F or X as in the passport.';
comment on column persons.citizenship is 'ISO 3166-1 alpha-3 code of citizenship (as in the MRZ).';
comment on column persons.passport_number is 'Passport document number.';
comment on column persons.passport_expiry is 'Passport expiry date.';
comment on column persons.phone is 'Mobile number in E.164 form, for notifications.';
comment on column persons.email is 'E-mail address, for notifications.';
comment on column persons.created_at is 'When the person was registered.';
comment on column persons.updated_at is 'When the person record last changed.';

alter table users add constraint users_person_fk foreign key (person_id) references persons (id);
