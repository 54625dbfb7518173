import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, isUniqueViolation, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { createSignerKey, ensureRootKey, findActiveSignerKey, suspendSignerKeys, type KeyVault } from '../credentials';
import type { ClinicView, NewClinic } from './medical.schema';
import './medical.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'clinic.registered': { organizationId: string; dailyCapacity: number };
    'clinic.approved': { signerKid: string };
    'clinic.suspended': { keysSuspended: number };
  }
}

const clinicColumns = [
  'id',
  'organization_id as organizationId',
  'name',
  'address',
  'daily_capacity as dailyCapacity',
  'opens_at as opensAt',
  'closes_at as closesAt',
  'working_days as workingDays',
  'status',
  'status_changed_at as statusChangedAt',
] as const;

function toView(row: { statusChangedAt: Date } & Omit<ClinicView, 'statusChangedAt'>): ClinicView {
  return { ...row, workingDays: row.workingDays.map(Number), statusChangedAt: row.statusChangedAt.toISOString() };
}

export async function listClinics(db: Queryable): Promise<ClinicView[]> {
  const rows = await db.selectFrom('clinics').select(clinicColumns).orderBy('name').execute();
  return rows.map(toView);
}

export async function findClinicByOrganization(db: Queryable, organizationId: string | null) {
  if (!organizationId) return undefined;
  return db.selectFrom('clinics').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

export async function registerClinic(db: Db, context: ActionContext, input: NewClinic): Promise<ClinicView> {
  return inTransaction(db, (trx) => insertClinic(trx, context, input));
}

/** Register a clinic (pending until the health authority approves it) inside the caller's transaction. */
export async function insertClinic(trx: Tx, context: ActionContext, input: NewClinic): Promise<ClinicView> {
  const org = await trx.selectFrom('organizations').select(['id', 'kind']).where('id', '=', input.organizationId).executeTakeFirst();
  if (!org || org.kind !== 'clinic') {
    throw new DomainError('clinic.invalid', { fields: [{ path: 'organizationId', code: 'not_a_clinic', message: 'the organization is not a clinic' }] });
  }
  if (input.closesAt <= input.opensAt)
    throw new DomainError('clinic.invalid', { fields: [{ path: 'closesAt', code: 'before_opening', message: 'closing time must be after opening time' }] });
  try {
    const row = await trx
      .insertInto('clinics')
      .values({
        organization_id: input.organizationId,
        name: input.name,
        address: input.address,
        daily_capacity: input.dailyCapacity,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        working_days: [...new Set(input.workingDays)].sort(),
        status: 'pending',
      })
      .returning(clinicColumns)
      .executeTakeFirstOrThrow();
    await audit(trx, context, {
      type: 'clinic.registered',
      entityType: 'clinic',
      entityId: row.id,
      data: { organizationId: input.organizationId, dailyCapacity: input.dailyCapacity },
    });
    return toView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('clinic.conflict', { detail: 'this organization already has a clinic' });
    throw error;
  }
}

async function lockClinic(trx: Tx, id: string) {
  const clinic = await trx.selectFrom('clinics').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!clinic) throw new DomainError('clinic.not_found');
  return clinic;
}

/**
 * Approve a clinic (health authority): it receives bookings from now on, and gets a signing key whose
 * certificate the health authority's root issues (the root is created on first use).
 */
export async function approveClinic(trx: Tx, principal: Principal, context: ActionContext, vault: KeyVault, clinicId: string): Promise<void> {
  const clinic = await lockClinic(trx, clinicId);
  if (clinic.status === 'approved') throw new DomainError('clinic.conflict', { detail: 'the clinic is already approved' });
  const authority = await trx
    .selectFrom('organizations')
    .select(['id', 'name', 'country'])
    .where('id', '=', principal.organizationId ?? '')
    .executeTakeFirst();
  if (!authority) throw new DomainError('clinic.forbidden');
  await ensureRootKey(trx, context, vault, { organizationId: authority.id, name: authority.name, country: authority.country });
  const signer =
    (await findActiveSignerKey(trx, clinic.organization_id)) ??
    (await createSignerKey(trx, context, vault, { organizationId: clinic.organization_id, name: clinic.name, country: authority.country }));
  await trx.updateTable('clinics').set({ status: 'approved', status_changed_at: new Date() }).where('id', '=', clinic.id).execute();
  await audit(trx, context, { type: 'clinic.approved', entityType: 'clinic', entityId: clinic.id, data: { signerKid: signer.kid } });
}

/**
 * Suspend a clinic: no new bookings, no sign-offs, and its signing keys are no longer trusted for anything
 * signed from now on (certificates signed before stay valid). The trust list is republished.
 */
export async function suspendClinic(trx: Tx, context: ActionContext, vault: KeyVault, clinicId: string): Promise<void> {
  const clinic = await lockClinic(trx, clinicId);
  if (clinic.status === 'suspended') throw new DomainError('clinic.conflict', { detail: 'the clinic is already suspended' });
  const keysSuspended = await suspendSignerKeys(trx, context, vault, clinic.organization_id);
  await trx.updateTable('clinics').set({ status: 'suspended', status_changed_at: new Date() }).where('id', '=', clinic.id).execute();
  await audit(trx, context, { type: 'clinic.suspended', entityType: 'clinic', entityId: clinic.id, data: { keysSuspended } });
}
