import type { ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, type Db, type Queryable } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findActiveSignerKey, findCredential, MEDICAL_CERTIFICATE, reissueCredential, renderQrPng, type KeyVault } from '../credentials';
import { renderCertificatePdf } from './certificate.document';
import { certificateClaims } from './exam.service';

/** A medical certificate as its holder or a health role may read it; 404 for anyone else. */
async function getReadableCertificate(db: Queryable, principal: Principal, id: string) {
  const credential = await findCredential(db, id);
  if (!credential || credential.type !== MEDICAL_CERTIFICATE.type) throw new DomainError('certificate.not_found');
  const allowed =
    principal.role === 'health_authority' ||
    (principal.role === 'applicant' && principal.personId === credential.subjectPersonId) ||
    ((principal.role === 'clinic_staff' || principal.role === 'clinic_head') && principal.organizationId === credential.issuerOrganizationId);
  if (!allowed) throw new DomainError('certificate.not_found');
  return credential;
}

export async function certificatePdf(db: Db, principal: Principal, id: string): Promise<Buffer> {
  const credential = await getReadableCertificate(db, principal, id);
  const exam = credential.sourceId
    ? await db.selectFrom('medical_exams').select('procedure_id').where('id', '=', credential.sourceId).executeTakeFirst()
    : undefined;
  const procedure = exam
    ? await db.selectFrom('medical_procedures').select(['code', 'version']).where('id', '=', exam.procedure_id).executeTakeFirst()
    : undefined;
  if (!procedure) throw new DomainError('certificate.not_found');
  const claims = await inTransaction(db, (trx) => certificateClaims(trx, credential.subjectPersonId, procedure));
  return renderCertificatePdf({
    id: credential.id,
    name: claims.name,
    dob: claims.dob,
    passport: claims.passport,
    procedure,
    issuedAt: credential.issuedAt,
    validUntil: credential.validUntil,
    issuerName: credential.issuerName,
    issuerKid: credential.issuerKid,
    code: credential.code,
    revoked: credential.revokedAt !== null,
  });
}

export async function certificateQr(db: Db, principal: Principal, id: string): Promise<Buffer> {
  const credential = await getReadableCertificate(db, principal, id);
  return renderQrPng(credential.code);
}

/**
 * Re-issue a certificate (health authority), e.g. after a name correction: the old one is revoked as
 * superseded and a new one with the same validity is signed by the issuing clinic's current key.
 */
export async function reissueCertificate(db: Db, context: ActionContext, vault: KeyVault, id: string): Promise<{ id: string }> {
  return inTransaction(db, async (trx) => {
    const credential = await findCredential(trx, id);
    if (!credential || credential.type !== MEDICAL_CERTIFICATE.type) throw new DomainError('certificate.not_found');
    const exam = credential.sourceId
      ? await trx.selectFrom('medical_exams').select(['id', 'procedure_id']).where('id', '=', credential.sourceId).forUpdate().executeTakeFirst()
      : undefined;
    const procedure = exam
      ? await trx.selectFrom('medical_procedures').select(['code', 'version']).where('id', '=', exam.procedure_id).executeTakeFirstOrThrow()
      : undefined;
    if (!exam || !procedure) throw new DomainError('certificate.not_found');
    const signer = await findActiveSignerKey(trx, credential.issuerOrganizationId);
    if (!signer) throw new DomainError('certificate.conflict', { detail: 'the issuing clinic has no trusted signing key (suspended?)' });
    const issued = await reissueCredential(trx, context, vault, {
      credentialId: id,
      signerId: signer.id,
      claims: await certificateClaims(trx, credential.subjectPersonId, procedure),
    });
    await trx.updateTable('medical_exams').set({ credential_id: issued.id }).where('id', '=', exam.id).execute();
    return { id: issued.id };
  });
}
