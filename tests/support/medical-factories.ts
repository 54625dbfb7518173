import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/platform/auth/roles';
import { addDays, todayIn } from '../../src/platform/calendar';
import { inTransaction, type Db } from '../../src/platform/database/database';
import type { Config } from '../../src/platform/config';
import { approveClinic, approveProcedure, draftProcedureVersion, registerClinic } from '../../src/modules/medical';
import { createOfficial, TEST_CONTEXT, type TestUser } from './factories';

export const STANDARD_TESTS = ['tuberculosis', 'hiv', 'syphilis', 'leprosy', 'covid19', 'drugs'] as const;

export function principalOf(user: TestUser): Principal {
  return { userId: user.id, role: user.role, organizationId: user.organizationId, personId: user.personId, displayName: 'x', locale: 'en', via: 'session' };
}

export interface MedicalSetup {
  readonly authority: TestUser;
  readonly clinics: Array<{ id: string; staff: TestUser; head: TestUser }>;
  readonly procedureId: string;
}

/** A health authority, approved clinics (each with a doctor and a head physician) and an approved procedure. */
export async function setUpMedical(db: Db, config: Config, options: { clinics?: number; capacity?: number } = {}): Promise<MedicalSetup> {
  const authority = await createOfficial(db, 'health_authority');
  const clinics: MedicalSetup['clinics'] = [];
  for (let i = 0; i < (options.clinics ?? 1); i += 1) {
    const staff = await createOfficial(db, 'clinic_staff');
    const head = await createOfficial(db, 'clinic_head', staff.organizationId ?? undefined);
    const clinic = await registerClinic(db, TEST_CONTEXT, {
      organizationId: staff.organizationId as string,
      name: `Clinic ${randomUUID().slice(0, 6)}`,
      address: 'Rudaki Avenue 1, Dushanbe',
      dailyCapacity: options.capacity ?? 20,
      opensAt: '08:00',
      closesAt: '17:00',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
    });
    await inTransaction(db, (trx) => approveClinic(trx, principalOf(authority), TEST_CONTEXT, config, clinic.id));
    clinics.push({ id: clinic.id, staff, head });
  }
  const existing = await db.selectFrom('medical_procedures').select('id').where('status', '=', 'approved').executeTakeFirst();
  const procedureId =
    existing?.id ??
    (await inTransaction(db, async (trx) => {
      const draft = await draftProcedureVersion(trx, TEST_CONTEXT, {
        code: 'RU-MOH-FW',
        title: 'Medical examination of foreign workers (Russian Ministry of Health)',
        tests: STANDARD_TESTS.map((code) => ({ code, disqualifying: ['positive' as const] })),
        validityMonths: 12,
        renewalWindowDays: 30,
      });
      return (await approveProcedure(trx, TEST_CONTEXT, draft.id)).id;
    }));
  return { authority, clinics, procedureId };
}

export const tomorrowInDushanbe = () => addDays(todayIn('Asia/Dushanbe'), 1);

/** Bring an appointment to today, as if its day had come (results can be entered from the day on). */
export async function makeAppointmentToday(db: Db, appointmentId: string): Promise<void> {
  await db
    .updateTable('medical_appointments')
    .set({ day: todayIn('Asia/Dushanbe') })
    .where('id', '=', appointmentId)
    .execute();
  await db
    .insertInto('allocation_seeds')
    .values({ day: todayIn('Asia/Dushanbe'), seed: '0'.repeat(64) })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
}
