import { sql, type Expression, type RawBuilder } from 'kysely';
import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Queryable, Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { encodeCredentialText } from './core/issue';
import { openSignedList, revocationSetFrom, trustStoreFrom, type RevocationListDocument, type SignedList, type TrustListDocument } from './core/signed-list';
import { verifyCredentialText, type RevocationSet, type TrustStore } from './core/verify';
import type { VerificationResult } from './core/model';
import { getCredentialType } from './credential.types';
import type { RevocationReason } from './credential.tables';
import { findLatestSignedList, openSigner, publishRevocationList, type KeyVault } from './issuer-key.service';
import { nodeCryptoPort } from './node-crypto-port';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'credential.issued': { type: string; version: number; issuerKid: string; replacesId: string | null };
    'credential.revoked': { type: string; reason: RevocationReason };
  }
}

export interface IssueCredentialInput {
  readonly type: string;
  readonly version: number;
  readonly claims: Record<string, unknown>;
  /** The issuer key (a clinic signing point) that signs. */
  readonly signerId: string;
  readonly subjectPersonId: string;
  readonly caseId?: string | null;
  /** The record the credential attests (one unrevoked credential per source). */
  readonly sourceId?: string | null;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly replacesId?: string | null;
  readonly now?: Date;
}

export interface IssuedCredential {
  readonly id: string;
  readonly code: string;
  readonly issuedAt: Date;
  readonly validFrom: Date;
  readonly validUntil: Date;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Sign and store a credential inside the caller's transaction; the claims are checked against the type's schema. */
export async function issueCredential(trx: Tx, context: ActionContext, vault: KeyVault, input: IssueCredentialInput): Promise<IssuedCredential> {
  const type = getCredentialType(input.type, input.version);
  const parsed = type.claims.safeParse(input.claims);
  if (!parsed.success) throw new DomainError('credential.invalid', { detail: `claims do not match ${input.type} v${input.version}` });
  const key = await trx.selectFrom('issuer_keys').selectAll().where('id', '=', input.signerId).where('purpose', '=', 'signer').executeTakeFirst();
  const now = input.now ?? new Date();
  if (!key || key.suspended_at || key.valid_from > now || key.valid_until <= now) {
    throw new DomainError('credential.signer_unavailable.conflict', { detail: 'the signing key is missing, suspended or outside its validity' });
  }
  if (!key.credential_types.includes(input.type)) {
    throw new DomainError('credential.signer_unavailable.conflict', { detail: `the signing key may not sign ${input.type}` });
  }
  const id = randomUUID();
  // Whole seconds: the credential carries seconds, and the stored row must say the same.
  const issuedAt = new Date(seconds(now) * 1000);
  const validFrom = new Date(seconds(input.validFrom) * 1000);
  const validUntil = new Date(seconds(input.validUntil) * 1000);
  const code = encodeCredentialText(
    {
      id,
      type: input.type,
      version: input.version,
      claims: parsed.data as Record<string, unknown>,
      issuerCountry: key.country,
      issuedAt: seconds(issuedAt),
      validFrom: seconds(validFrom),
      validUntil: seconds(validUntil),
    },
    openSigner(key, vault),
    (data) => deflateSync(data, { level: 9 }),
  );
  await trx
    .insertInto('credentials')
    .values({
      id,
      type: input.type,
      schema_version: input.version,
      subject_person_id: input.subjectPersonId,
      case_id: input.caseId ?? null,
      source_id: input.sourceId ?? null,
      issuer_key_id: key.id,
      issued_at: issuedAt,
      valid_from: validFrom,
      valid_until: validUntil,
      code,
      revoked_at: null,
      revocation_reason: null,
      replaces_id: input.replacesId ?? null,
    })
    .execute();
  await audit(trx, context, {
    type: 'credential.issued',
    entityType: 'credential',
    entityId: id,
    data: { type: input.type, version: input.version, issuerKid: key.kid, replacesId: input.replacesId ?? null },
  });
  return { id, code, issuedAt, validFrom, validUntil };
}

/** Revoke a credential (health authority) and republish the revocation list, in the caller's transaction. */
export async function revokeCredential(trx: Tx, context: ActionContext, vault: KeyVault, input: { credentialId: string; reason: RevocationReason; at?: Date }) {
  const row = await trx.selectFrom('credentials').select(['id', 'type', 'revoked_at']).where('id', '=', input.credentialId).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('credential.not_found');
  if (row.revoked_at) throw new DomainError('credential.conflict', { detail: 'the credential is already revoked' });
  await trx
    .updateTable('credentials')
    .set({ revoked_at: input.at ?? new Date(), revocation_reason: input.reason })
    .where('id', '=', row.id)
    .execute();
  await audit(trx, context, { type: 'credential.revoked', entityType: 'credential', entityId: row.id, data: { type: row.type, reason: input.reason } });
  await publishRevocationList(trx, context, vault);
}

/**
 * Re-issue: revoke the credential as superseded and issue a new one with the same validity, signed by the
 * given signer, with claims from `claims` (e.g. a corrected name) or the old ones.
 */
export async function reissueCredential(
  trx: Tx,
  context: ActionContext,
  vault: KeyVault,
  input: { credentialId: string; signerId: string; claims: Record<string, unknown> },
): Promise<IssuedCredential> {
  const old = await trx.selectFrom('credentials').selectAll().where('id', '=', input.credentialId).forUpdate().executeTakeFirst();
  if (!old) throw new DomainError('credential.not_found');
  if (old.revoked_at) throw new DomainError('credential.conflict', { detail: 'a revoked credential cannot be re-issued' });
  await revokeCredential(trx, context, vault, { credentialId: old.id, reason: 'superseded' });
  return issueCredential(trx, context, vault, {
    type: old.type,
    version: old.schema_version,
    claims: input.claims,
    signerId: input.signerId,
    subjectPersonId: old.subject_person_id,
    caseId: old.case_id,
    sourceId: old.source_id,
    validFrom: old.valid_from,
    validUntil: old.valid_until,
    replacesId: old.id,
  });
}

export interface TrustMaterial {
  readonly trust: TrustStore;
  readonly revocations: RevocationSet;
  readonly trustList: TrustListDocument;
  readonly revocationList: RevocationListDocument;
}

/** Open a trust list and a revocation list (checking both signatures against the same root, or the pinned one). */
export async function openTrustMaterial(trustList: SignedList, revocationList: SignedList, pinnedRoot?: Uint8Array): Promise<TrustMaterial> {
  const trustDoc = await openSignedList<TrustListDocument>(trustList, 'trust_list', nodeCryptoPort, pinnedRoot);
  const root = pinnedRoot ?? Buffer.from(trustList.root, 'base64');
  const revocationDoc = await openSignedList<RevocationListDocument>(revocationList, 'revocation_list', nodeCryptoPort, root);
  return { trust: trustStoreFrom(trustDoc), revocations: revocationSetFrom(revocationDoc), trustList: trustDoc, revocationList: revocationDoc };
}

/** The currently published lists, opened; undefined before the health authority has published anything. */
export async function loadPublishedTrust(db: Queryable): Promise<TrustMaterial | undefined> {
  const [trustList, revocationList] = [await findLatestSignedList(db, 'trust_list'), await findLatestSignedList(db, 'revocation_list')];
  if (!trustList) return undefined;
  const revocations = revocationList ?? undefined;
  if (!revocations) {
    const trustDoc = await openSignedList<TrustListDocument>(trustList, 'trust_list', nodeCryptoPort);
    const empty: RevocationListDocument = { kind: 'revocation_list', version: 1, sequence: 0, issuedAt: trustDoc.issuedAt, hashes: [] };
    return { trust: trustStoreFrom(trustDoc), revocations: revocationSetFrom(empty), trustList: trustDoc, revocationList: empty };
  }
  return openTrustMaterial(trustList, revocations);
}

/** Verify a credential's text on the server (Node crypto). */
export function verifyCredential(code: string, trust: TrustStore, revocations: RevocationSet, now: Date = new Date()): Promise<VerificationResult> {
  return verifyCredentialText(code, trust, revocations, now, nodeCryptoPort);
}

/** The credential text as a QR code PNG: alphanumeric mode (the Base45 alphabet and the prefix fit it exactly), error correction M. */
export async function renderQrPng(code: string, width = 480): Promise<Buffer> {
  return QRCode.toBuffer([{ data: code, mode: 'alphanumeric' }], { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });
}

export async function findCredential(db: Queryable, id: string) {
  return db
    .selectFrom('credentials as c')
    .innerJoin('issuer_keys as k', 'k.id', 'c.issuer_key_id')
    .select([
      'c.id',
      'c.type',
      'c.schema_version as schemaVersion',
      'c.subject_person_id as subjectPersonId',
      'c.case_id as caseId',
      'c.source_id as sourceId',
      'c.issued_at as issuedAt',
      'c.valid_from as validFrom',
      'c.valid_until as validUntil',
      'c.code',
      'c.revoked_at as revokedAt',
      'c.revocation_reason as revocationReason',
      'k.name as issuerName',
      'k.kid as issuerKid',
      'k.organization_id as issuerOrganizationId',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** The newest credential of a type for a case (or a person), revoked or not, leaving out superseded ones. */
export async function findLatestCredential(db: Queryable, type: string, where: { caseId?: string; personId?: string }) {
  let query = db
    .selectFrom('credentials')
    .select(['id', 'issued_at', 'valid_from', 'valid_until', 'revoked_at', 'code', 'case_id'])
    .where('type', '=', type)
    .where((eb) => eb.or([eb('revocation_reason', 'is', null), eb('revocation_reason', '!=', 'superseded')]));
  if (where.caseId) query = query.where('case_id', '=', where.caseId);
  if (where.personId) query = query.where('subject_person_id', '=', where.personId);
  return query.orderBy('issued_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
}

/** Whether the person holds a credential of the type that is unrevoked and inside its validity at `now`. */
/**
 * SQL for the expiry date (UTC) of a subject's latest valid credential of a type, or null: for correlated
 * subqueries such as a case's deadline facts.
 */
export function validCredentialExpirySql(type: string, subjectPersonId: Expression<string>): RawBuilder<string | null> {
  return sql<string | null>`(select (max(c.valid_until) at time zone 'UTC')::date from credentials c
    where c.type = ${type} and c.subject_person_id = ${subjectPersonId} and c.revoked_at is null
      and c.valid_from <= now() and c.valid_until > now())`;
}

export async function hasValidCredential(
  db: Queryable,
  type: string,
  where: { caseId?: string; personId?: string },
  now: Date = new Date(),
): Promise<{ id: string; validUntil: Date } | undefined> {
  let query = db
    .selectFrom('credentials')
    .select(['id', 'valid_until'])
    .where('type', '=', type)
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', now)
    .where('valid_until', '>', now);
  if (where.caseId) query = query.where('case_id', '=', where.caseId);
  if (where.personId) query = query.where('subject_person_id', '=', where.personId);
  const row = await query.orderBy('valid_until', 'desc').limit(1).executeTakeFirst();
  return row ? { id: row.id, validUntil: row.valid_until } : undefined;
}
