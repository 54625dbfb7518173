import { createHash, generateKeyPairSync, randomUUID, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Queryable, Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { signCose, type Signer } from './core/issue';
import { toBase64, type RevocationListDocument, type SignedList, type TrustListDocument } from './core/signed-list';
import { toHex } from './core/port';
import { openPrivateKey, sealPrivateKey } from './key-vault';
import { createCertificate, type DistinguishedName } from './x509';
import type { IssuerKeyTable } from './credential.tables';
import './credential.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'issuer_key.created': { purpose: 'root' | 'signer'; kid: string; organizationId: string };
    'issuer_key.suspended': { kid: string; organizationId: string };
    'signed_list.published': { kind: 'trust_list' | 'revocation_list'; sequence: number };
  }
}

/** Where sealed private keys are opened: the key-encryption key from configuration. */
export interface KeyVault {
  readonly keyEncryptionKey: string;
}

export const ROOT_VALIDITY_YEARS = 20;
export const SIGNER_VALIDITY_YEARS = 2;

const addYears = (date: Date, years: number) => new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));

export function kidOfCertificate(der: Uint8Array): string {
  return toHex(createHash('sha256').update(der).digest().subarray(0, 8));
}

function signerFrom(key: Pick<IssuerKeyTable, 'id' | 'kid' | 'sealed_private_key'>, vault: KeyVault): Signer {
  const privateKey = openPrivateKey(key.sealed_private_key, vault.keyEncryptionKey, key.id);
  return {
    kid: Buffer.from(key.kid, 'hex'),
    sign: (data) => sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
  };
}

function rootName(name: string, country: string): DistinguishedName {
  return { country, organization: name, commonName: `${name} Root CA` };
}

export async function findRootKey(db: Queryable) {
  return db
    .selectFrom('issuer_keys')
    .selectAll()
    .where('purpose', '=', 'root')
    .where('suspended_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The health authority's root key and self-signed certificate; created once, returned afterwards. */
export async function ensureRootKey(
  trx: Tx,
  context: ActionContext,
  vault: KeyVault,
  input: { organizationId: string; name: string; country: string; now?: Date },
) {
  const existing = await findRootKey(trx);
  if (existing) return existing;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = input.now ?? new Date();
  const dn = rootName(input.name, input.country);
  const certificate = createCertificate({
    subject: dn,
    issuer: dn,
    subjectPublicKey: publicKey,
    issuerPrivateKey: privateKey,
    issuerPublicKey: publicKey,
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: addYears(now, ROOT_VALIDITY_YEARS),
    isCa: true,
  });
  const root = await insertKey(trx, context, vault, {
    purpose: 'root',
    organizationId: input.organizationId,
    name: input.name,
    country: input.country,
    certificate,
    privateKey,
    validFrom: new Date(now.getTime() - 86_400_000),
    validUntil: addYears(now, ROOT_VALIDITY_YEARS),
  });
  // Verifiers fetch both lists from the start: an empty revocation list is a statement too.
  await publishTrustList(trx, context, vault);
  await publishRevocationList(trx, context, vault);
  return root;
}

async function insertKey(
  trx: Tx,
  context: ActionContext,
  vault: KeyVault,
  input: {
    purpose: 'root' | 'signer';
    organizationId: string;
    name: string;
    country: string;
    certificate: Buffer;
    privateKey: KeyObject;
    validFrom: Date;
    validUntil: Date;
    credentialTypes?: readonly string[];
  },
) {
  const id = randomUUID();
  const kid = kidOfCertificate(input.certificate);
  const row = await trx
    .insertInto('issuer_keys')
    .values({
      id,
      kid,
      purpose: input.purpose,
      organization_id: input.organizationId,
      name: input.name,
      country: input.country,
      certificate: input.certificate,
      sealed_private_key: sealPrivateKey(input.privateKey, vault.keyEncryptionKey, id),
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      suspended_at: null,
      credential_types: [...(input.credentialTypes ?? (input.purpose === 'signer' ? ['medical_certificate'] : []))],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    type: 'issuer_key.created',
    entityType: 'issuer_key',
    entityId: id,
    data: { purpose: input.purpose, kid, organizationId: input.organizationId },
  });
  return row;
}

/**
 * A new signing key for a signing point (a clinic; the origin agency for contract seals and clearances), with
 * a certificate issued by the root, allowed to sign the given credential types; republishes the trust list.
 */
export async function createSignerKey(
  trx: Tx,
  context: ActionContext,
  vault: KeyVault,
  input: { organizationId: string; name: string; country: string; now?: Date; credentialTypes?: readonly string[] },
) {
  const root = await findRootKey(trx);
  if (!root) throw new DomainError('issuer_key.conflict', { detail: 'no health-authority root key: set up the health authority first' });
  const rootCert = new X509Certificate(root.certificate);
  const rootPrivate = openPrivateKey(root.sealed_private_key, vault.keyEncryptionKey, root.id);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = input.now ?? new Date();
  const validFrom = new Date(now.getTime() - 60_000);
  const validUntil = addYears(now, SIGNER_VALIDITY_YEARS);
  const certificate = createCertificate({
    subject: { country: input.country, organization: input.name, commonName: `${input.name} signing point` },
    issuer: rootName(root.name, root.country),
    subjectPublicKey: publicKey,
    issuerPrivateKey: rootPrivate,
    issuerPublicKey: rootCert.publicKey,
    notBefore: validFrom,
    notAfter: validUntil,
    isCa: false,
  });
  const row = await insertKey(trx, context, vault, {
    purpose: 'signer',
    organizationId: input.organizationId,
    name: input.name,
    country: input.country,
    certificate,
    privateKey,
    validFrom,
    validUntil,
    credentialTypes: input.credentialTypes ?? ['medical_certificate'],
  });
  await publishTrustList(trx, context, vault);
  return row;
}

/** The organization's active signer for a credential type, created (and published) on first use. */
export async function ensureSignerKey(
  trx: Tx,
  context: ActionContext,
  vault: KeyVault,
  input: { organizationId: string; name: string; country: string; credentialTypes: readonly string[] },
) {
  await sql`select pg_advisory_xact_lock(hashtext(${`signer:${input.organizationId}`}))`.execute(trx);
  const existing = await trx
    .selectFrom('issuer_keys')
    .selectAll()
    .where('organization_id', '=', input.organizationId)
    .where('purpose', '=', 'signer')
    .where('suspended_at', 'is', null)
    .where('valid_until', '>', new Date())
    .where(sql<boolean>`credential_types @> ${sql.val([...input.credentialTypes])}::text[]`)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return existing ?? createSignerKey(trx, context, vault, input);
}

/** End trust in an organization's signer keys from `at` on (a suspended clinic); republishes the trust list. */
export async function suspendSignerKeys(trx: Tx, context: ActionContext, vault: KeyVault, organizationId: string, when: Date = new Date()): Promise<number> {
  // Credentials carry whole seconds: trust ends at the next whole second, so one signed just before stays valid.
  const at = new Date(Math.ceil(when.getTime() / 1000) * 1000);
  const rows = await trx
    .updateTable('issuer_keys')
    .set({ suspended_at: at })
    .where('organization_id', '=', organizationId)
    .where('purpose', '=', 'signer')
    .where('suspended_at', 'is', null)
    .returning(['id', 'kid'])
    .execute();
  for (const row of rows) {
    await audit(trx, context, { type: 'issuer_key.suspended', entityType: 'issuer_key', entityId: row.id, data: { kid: row.kid, organizationId } });
  }
  if (rows.length > 0) await publishTrustList(trx, context, vault);
  return rows.length;
}

/** The organization's signer key that may sign now: not suspended, inside its validity. */
export async function findActiveSignerKey(db: Queryable, organizationId: string, now: Date = new Date()) {
  return db
    .selectFrom('issuer_keys')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('purpose', '=', 'signer')
    .where('suspended_at', 'is', null)
    .where('valid_from', '<=', now)
    .where('valid_until', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function openSigner(key: Pick<IssuerKeyTable, 'id' | 'kid' | 'sealed_private_key'>, vault: KeyVault): Signer {
  return signerFrom(key, vault);
}

async function publish(
  trx: Tx,
  context: ActionContext,
  vault: KeyVault,
  kind: 'trust_list' | 'revocation_list',
  build: (sequence: number, issuedAt: string) => Promise<TrustListDocument | RevocationListDocument>,
) {
  await sql`select pg_advisory_xact_lock(hashtext(${`signed_lists:${kind}`}))`.execute(trx);
  const root = await findRootKey(trx);
  if (!root) return undefined;
  const last = await trx.selectFrom('signed_lists').select('sequence').where('kind', '=', kind).orderBy('sequence', 'desc').limit(1).executeTakeFirst();
  const sequence = (last?.sequence ?? 0) + 1;
  const issuedAt = new Date();
  const document = await build(sequence, issuedAt.toISOString());
  const cose = signCose(new TextEncoder().encode(JSON.stringify(document)), signerFrom(root, vault));
  const envelope: SignedList = { format: 'corridor-signed-list/1', root: toBase64(root.certificate), cose: toBase64(cose) };
  await trx
    .insertInto('signed_lists')
    .values({ kind, sequence, issued_at: issuedAt, envelope: JSON.stringify(envelope) })
    .execute();
  await audit(trx, context, { type: 'signed_list.published', entityType: 'signed_list', entityId: `${kind}:${sequence}`, data: { kind, sequence } });
  return envelope;
}

export async function publishTrustList(trx: Tx, context: ActionContext, vault: KeyVault) {
  return publish(trx, context, vault, 'trust_list', async (sequence, issuedAt) => {
    const keys = await trx.selectFrom('issuer_keys').selectAll().where('purpose', '=', 'signer').orderBy('created_at').execute();
    return {
      kind: 'trust_list',
      version: 1,
      sequence,
      issuedAt,
      issuers: keys.map((k) => ({
        kid: k.kid,
        name: k.name,
        country: k.country,
        certificate: toBase64(k.certificate),
        validFrom: k.valid_from.toISOString(),
        validUntil: k.valid_until.toISOString(),
        suspendedAt: k.suspended_at?.toISOString() ?? null,
        types: k.credential_types,
      })),
    };
  });
}

export async function publishRevocationList(trx: Tx, context: ActionContext, vault: KeyVault) {
  return publish(trx, context, vault, 'revocation_list', async (sequence, issuedAt) => {
    const rows = await trx
      .selectFrom('credentials')
      .select('id')
      .where('revoked_at', 'is not', null)
      .where('valid_until', '>', new Date())
      .orderBy('id')
      .execute();
    const hashes = rows.map((r) => createHash('sha256').update(r.id).digest().subarray(0, 16).toString('hex'));
    return { kind: 'revocation_list', version: 1, sequence, issuedAt, hashes };
  });
}

export async function findLatestSignedList(db: Queryable, kind: 'trust_list' | 'revocation_list'): Promise<SignedList | undefined> {
  const row = await db.selectFrom('signed_lists').select('envelope').where('kind', '=', kind).orderBy('sequence', 'desc').limit(1).executeTakeFirst();
  return row?.envelope as SignedList | undefined;
}

export async function listIssuerKeys(db: Queryable) {
  return db
    .selectFrom('issuer_keys')
    .select([
      'id',
      'kid',
      'purpose',
      'organization_id as organizationId',
      'name',
      'country',
      'valid_from as validFrom',
      'valid_until as validUntil',
      'suspended_at as suspendedAt',
      'created_at as createdAt',
    ])
    .orderBy('created_at')
    .execute();
}
