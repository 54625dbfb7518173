import type { ColumnType, Generated } from 'kysely';
import type { Json } from '../../platform/database/platform-tables';
import type { SignedList } from './core/signed-list';

export interface IssuerKeyTable {
  id: string;
  kid: string;
  purpose: 'root' | 'signer';
  organization_id: string;
  name: string;
  country: string;
  certificate: Buffer;
  sealed_private_key: Buffer;
  valid_from: Date;
  valid_until: Date;
  suspended_at: Date | null;
  credential_types: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Generated<Date>;
}

export type RevocationReason = 'issued_in_error' | 'superseded' | 'fraud' | 'clinic_suspended' | 'medical_finding';

export interface CredentialTable {
  id: string;
  type: string;
  schema_version: number;
  subject_person_id: string;
  case_id: string | null;
  source_id: string | null;
  issuer_key_id: string;
  issued_at: Date;
  valid_from: Date;
  valid_until: Date;
  code: string;
  revoked_at: Date | null;
  revocation_reason: RevocationReason | null;
  replaces_id: string | null;
  created_at: Generated<Date>;
}

export interface SignedListTable {
  kind: 'trust_list' | 'revocation_list';
  sequence: number;
  issued_at: Date;
  envelope: Json<SignedList>;
}

declare module '../../platform/database/database' {
  interface Database {
    issuer_keys: IssuerKeyTable;
    credentials: CredentialTable;
    signed_lists: SignedListTable;
  }
}
