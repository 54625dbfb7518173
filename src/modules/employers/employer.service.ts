import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, isUniqueViolation, type Db, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findEmployer, listEmployers } from './employer.repository';
import type { EmployerRegistration, EmployerView } from './employer.schema';
import { isRegion } from './reference';
import { checkRegistration } from './registration-numbers';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'employer.registered': { legalForm: string; region: string };
    'employer.verified': Record<string, never>;
    'employer.suspended': Record<string, never>;
  }
}

function actorId(context: ActionContext): string | null {
  return 'userId' in context.actor ? context.actor.userId : null;
}

/**
 * An employer user submits (or corrects, until verified) the registration data of his own organization.
 * Every check digit is validated; a correction after verification is refused (the agency verified those numbers).
 */
export async function registerEmployer(db: Db, principal: Principal, context: ActionContext, input: EmployerRegistration): Promise<EmployerView> {
  const organizationId = principal.organizationId;
  if (!organizationId) throw new DomainError('employer.forbidden');
  return inTransaction(db, (trx) => saveRegistration(trx, context, organizationId, input));
}

export async function saveRegistration(trx: Tx, context: ActionContext, organizationId: string, input: EmployerRegistration): Promise<EmployerView> {
  const kpp = input.kpp ? input.kpp.toUpperCase() : null;
  const fields = checkRegistration({ legalForm: input.legalForm, inn: input.inn, ogrn: input.ogrn, kpp });
  if (!isRegion(input.region)) fields.push({ path: 'body.region', code: 'format', message: 'not an ISO 3166-2:RU region code' });
  if (fields.length > 0) throw new DomainError('employer.invalid', { fields });
  const org = await trx.selectFrom('organizations').select('kind').where('id', '=', organizationId).executeTakeFirst();
  if (org?.kind !== 'employer') throw new DomainError('employer.not_found');
  const existing = await trx.selectFrom('employers').select('status').where('organization_id', '=', organizationId).forUpdate().executeTakeFirst();
  if (existing && existing.status !== 'pending') {
    throw new DomainError('employer.conflict', { detail: 'verified or suspended registration data can only be changed by the destination agency' });
  }
  const values = {
    legal_form: input.legalForm,
    legal_name: input.legalName,
    inn: input.inn,
    ogrn: input.ogrn,
    kpp,
    region: input.region,
    address: input.address,
  };
  try {
    if (existing)
      await trx
        .updateTable('employers')
        .set({ ...values, updated_at: new Date() })
        .where('organization_id', '=', organizationId)
        .execute();
    else
      await trx
        .insertInto('employers')
        .values({ organization_id: organizationId, ...values, status_reason: null, verified_at: null, verified_by_user_id: null })
        .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('employer.conflict', { detail: 'another employer is registered with this INN or OGRN' });
    throw error;
  }
  await audit(trx, context, {
    type: 'employer.registered',
    entityType: 'employer',
    entityId: organizationId,
    data: { legalForm: input.legalForm, region: input.region },
  });
  return (await findEmployer(trx, organizationId)) as EmployerView;
}

/** The destination agency verifies (or, after a suspension, reinstates) an employer. */
export async function verifyEmployer(db: Db, context: ActionContext, organizationId: string): Promise<EmployerView> {
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('employers').select('status').where('organization_id', '=', organizationId).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('employer.not_found');
    if (row.status === 'verified') throw new DomainError('employer.conflict', { detail: 'the employer is already verified' });
    await trx
      .updateTable('employers')
      .set({ status: 'verified', status_reason: null, verified_at: new Date(), verified_by_user_id: actorId(context), updated_at: new Date() })
      .where('organization_id', '=', organizationId)
      .execute();
    await audit(trx, context, { type: 'employer.verified', entityType: 'employer', entityId: organizationId, data: {} });
    return (await findEmployer(trx, organizationId)) as EmployerView;
  });
}

/** Suspension stops new requests, selections and signatures; open offers stay as they are. */
export async function suspendEmployer(db: Db, context: ActionContext, organizationId: string, reason: string | undefined): Promise<EmployerView> {
  if (!reason) throw new DomainError('employer.invalid', { fields: [{ path: 'body.reason', code: 'required', message: 'a suspension needs a reason' }] });
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('employers').select('status').where('organization_id', '=', organizationId).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('employer.not_found');
    if (row.status === 'suspended') throw new DomainError('employer.conflict', { detail: 'the employer is already suspended' });
    await trx
      .updateTable('employers')
      .set({ status: 'suspended', status_reason: reason, updated_at: new Date() })
      .where('organization_id', '=', organizationId)
      .execute();
    await audit(trx, context, { type: 'employer.suspended', entityType: 'employer', entityId: organizationId, data: {} });
    return (await findEmployer(trx, organizationId)) as EmployerView;
  });
}

/** The employer's own record, or any for the agencies; employers asking for another organization get 404. */
export async function getEmployer(db: Db, principal: Principal, organizationId: string): Promise<EmployerView> {
  if (principal.role === 'employer' && principal.organizationId !== organizationId) throw new DomainError('employer.not_found');
  const employer = await findEmployer(db, organizationId);
  if (!employer) throw new DomainError('employer.not_found');
  return employer;
}

export { listEmployers };

/** Refuses unless the employer is verified (requests, selections and signatures need it). */
export async function assertEmployerVerified(trx: Tx, organizationId: string): Promise<void> {
  const row = await trx.selectFrom('employers').select('status').where('organization_id', '=', organizationId).executeTakeFirst();
  if (row?.status !== 'verified') {
    throw new DomainError('employer.unverified.conflict', {
      detail: 'the employer is not verified (or is suspended)',
      extensions: { employerStatus: row?.status ?? 'unregistered' },
    });
  }
}
