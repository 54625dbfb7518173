-- Key usage: which credential types each signer may issue (a clinic's key cannot sign a contract seal).

alter table issuer_keys add column credential_types text[] not null default '{medical_certificate}';
comment on column issuer_keys.credential_types is 'Credential types this key may sign; published in the trust list and checked by verifiers (like the EU DCC key usage).';
