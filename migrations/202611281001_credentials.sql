-- Credentials: issuer keys (health-authority root and one signer per clinic signing point), issued credentials
-- and the signed lists (trust list, revocation list) that verifiers cache.

create table issuer_keys (
  id uuid primary key,
  kid text not null unique,
  purpose text not null check (purpose in ('root', 'signer')),
  organization_id uuid not null references organizations (id),
  name text not null,
  country char(2) not null,
  certificate bytea not null,
  sealed_private_key bytea not null,
  valid_from timestamptz not null,
  valid_until timestamptz not null,
  suspended_at timestamptz,
  created_at timestamptz not null default now(),
  check (valid_until > valid_from)
);
create index issuer_keys_organization_idx on issuer_keys (organization_id);
comment on table issuer_keys is 'Signing keys with their X.509 certificates: the health-authority root signs signer certificates and the published lists; signers sign credentials.';
comment on column issuer_keys.id is 'Surrogate key; also bound into the sealed private key as associated data.';
comment on column issuer_keys.kid is 'Key identifier: hex of the first 8 bytes of SHA-256 over the certificate DER (HCERT rule).';
comment on column issuer_keys.purpose is 'root (health authority, signs certificates and lists) or signer (a clinic signing point, signs credentials).';
comment on column issuer_keys.organization_id is 'Organization that holds the key: the health authority for the root, the clinic for a signer.';
comment on column issuer_keys.name is 'Issuer name shown to verifiers (the clinic signing point).';
comment on column issuer_keys.country is 'ISO 3166-1 alpha-2 country of the issuer (CWT iss).';
comment on column issuer_keys.certificate is 'DER of the X.509 certificate (signers: issued by the root).';
comment on column issuer_keys.sealed_private_key is 'PKCS#8 private key sealed with AES-256-GCM under the configured key-encryption key.';
comment on column issuer_keys.valid_from is 'Start of the period in which credentials signed with the key are trusted.';
comment on column issuer_keys.valid_until is 'End of that period (exclusive).';
comment on column issuer_keys.suspended_at is 'When trust ended early (clinic suspended); credentials signed from then on are not trusted.';
comment on column issuer_keys.created_at is 'When the key was generated.';

create table credentials (
  id uuid primary key,
  type text not null,
  schema_version integer not null,
  subject_person_id uuid not null references persons (id),
  case_id uuid references cases (id),
  source_id uuid,
  issuer_key_id uuid not null references issuer_keys (id),
  issued_at timestamptz not null,
  valid_from timestamptz not null,
  valid_until timestamptz not null,
  code text not null,
  revoked_at timestamptz,
  revocation_reason text check (revocation_reason in ('issued_in_error', 'superseded', 'fraud', 'clinic_suspended', 'medical_finding')),
  replaces_id uuid references credentials (id),
  created_at timestamptz not null default now(),
  check (valid_until > valid_from),
  check ((revoked_at is null) = (revocation_reason is null))
);
create index credentials_subject_idx on credentials (subject_person_id, type);
create index credentials_case_idx on credentials (case_id);
create unique index credentials_source_active_key on credentials (type, source_id) where revoked_at is null and source_id is not null;
comment on table credentials is 'Signed credentials issued by Corridor (medical certificates first). Holds no diagnosis: only what the credential discloses.';
comment on column credentials.id is 'Credential id; carried in the credential (CWT cti and claim id); revocation lists carry a hash of it.';
comment on column credentials.type is 'Credential type, e.g. medical_certificate (see the credentials module README).';
comment on column credentials.schema_version is 'Version of the claim schema of the type.';
comment on column credentials.subject_person_id is 'The person the credential is about.';
comment on column credentials.case_id is 'The case it was issued in, if any.';
comment on column credentials.source_id is 'The record it attests (e.g. the medical exam); one unrevoked credential per source.';
comment on column credentials.issuer_key_id is 'The signer key that signed it.';
comment on column credentials.issued_at is 'Signing time (CWT iat).';
comment on column credentials.valid_from is 'Start of validity (CWT nbf).';
comment on column credentials.valid_until is 'End of validity (CWT exp).';
comment on column credentials.code is 'The credential text as in the QR code (HC1: prefix, Base45).';
comment on column credentials.revoked_at is 'When the credential was revoked; then its id hash is on the revocation list.';
comment on column credentials.revocation_reason is 'Reason code for the revocation (no free text).';
comment on column credentials.replaces_id is 'The credential this one re-issues (which was revoked as superseded).';
comment on column credentials.created_at is 'When the row was written.';

create table signed_lists (
  kind text not null check (kind in ('trust_list', 'revocation_list')),
  sequence integer not null,
  issued_at timestamptz not null,
  envelope jsonb not null,
  primary key (kind, sequence)
);
comment on table signed_lists is 'Every published trust list and revocation list, as signed; the highest sequence of a kind is current.';
comment on column signed_lists.kind is 'trust_list or revocation_list.';
comment on column signed_lists.sequence is 'Publication number, increasing per kind.';
comment on column signed_lists.issued_at is 'When the list was signed.';
comment on column signed_lists.envelope is 'The signed envelope served to verifiers (format corridor-signed-list/1).';
