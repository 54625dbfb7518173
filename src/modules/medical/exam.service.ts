import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { addMonths, todayIn } from '../../platform/calendar';
import { inTransaction, type Db, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findActiveSignerKey, issueCredential, MEDICAL_CERTIFICATE, type KeyVault } from '../credentials';
import { findVisibleCase, getCorridorRules, transitionCase } from '../journey';
import { findPersonIdentity, formatName } from '../people';
import { findCurrentProcedure } from './procedure.service';
import type { TestOutcome } from './medical.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'exam.results_recorded': { appointmentId: string; tests: number };
    'exam.signed_off': { appointmentId: string; procedureVersion: number };
    'exam.read': { appointmentId: string };
  }
}

/** Lock an appointment at the caller's own clinic (clinic roles); 404 for anything else. */
export async function lockClinicAppointment(trx: Tx, principal: Principal, appointmentId: string) {
  const row = await trx
    .selectFrom('medical_appointments as a')
    .innerJoin('clinics as c', 'c.id', 'a.clinic_id')
    .select([
      'a.id',
      'a.case_id',
      'a.person_id',
      'a.day',
      'a.status',
      'a.clinic_id',
      'c.status as clinicStatus',
      'c.organization_id as clinicOrganizationId',
      'c.name as clinicName',
    ])
    .where('a.id', '=', appointmentId)
    .where('c.organization_id', '=', principal.organizationId ?? '')
    .where('a.status', 'in', ['booked', 'examined'])
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('appointment.not_found');
  return row;
}

/** Clinic staff enter results per test for an exam at their clinic (from the appointment day on). */
export async function recordResults(
  db: Db,
  principal: Principal,
  context: ActionContext,
  appointmentId: string,
  results: ReadonlyArray<{ test: string; outcome: TestOutcome }>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const appointment = await lockClinicAppointment(trx, principal, appointmentId);
    if (appointment.clinicStatus !== 'approved') throw new DomainError('exam.conflict', { detail: 'the clinic is not approved' });
    const kase = await findVisibleCase(trx, appointment.case_id, principal);
    if (!kase) throw new DomainError('appointment.not_found');
    const today = todayIn((await getCorridorRules(trx, kase.corridorCode)).originTimezone);
    if (appointment.day > today) throw new DomainError('exam.conflict', { detail: 'results can be entered from the appointment day on' });
    let exam = await trx
      .selectFrom('medical_exams')
      .select(['id', 'status', 'procedure_id'])
      .where('appointment_id', '=', appointmentId)
      .forUpdate()
      .executeTakeFirst();
    if (!exam) {
      const procedure = await findCurrentProcedure(trx);
      if (!procedure) throw new DomainError('exam.conflict', { detail: 'no approved procedure is in force' });
      exam = await trx
        .insertInto('medical_exams')
        .values({
          appointment_id: appointmentId,
          case_id: appointment.case_id,
          person_id: appointment.person_id,
          clinic_id: appointment.clinic_id,
          procedure_id: procedure.id,
          status: 'in_progress',
          signed_off_by: null,
          signed_off_at: null,
          credential_id: null,
        })
        .returning(['id', 'status', 'procedure_id'])
        .executeTakeFirstOrThrow();
      await trx.updateTable('medical_appointments').set({ status: 'examined', status_changed_at: new Date() }).where('id', '=', appointmentId).execute();
    }
    if (exam.status !== 'in_progress') throw new DomainError('exam.conflict', { detail: 'the exam is signed off' });
    const procedure = await trx.selectFrom('medical_procedures').select('tests').where('id', '=', exam.procedure_id).executeTakeFirstOrThrow();
    const codes = new Set(procedure.tests.map((t) => t.code));
    const unknown = results.filter((r) => !codes.has(r.test));
    if (unknown.length > 0) {
      throw new DomainError('exam.invalid', {
        fields: unknown.map((r) => ({ path: `results.${r.test}`, code: 'not_in_procedure', message: 'this test is not part of the procedure version' })),
      });
    }
    for (const r of results) {
      await trx
        .insertInto('medical_test_results')
        .values({ exam_id: exam.id, test_code: r.test, outcome: r.outcome, recorded_by: principal.userId })
        .onConflict((oc) => oc.columns(['exam_id', 'test_code']).doUpdateSet({ outcome: r.outcome, recorded_by: principal.userId, recorded_at: new Date() }))
        .execute();
    }
    await audit(trx, context, {
      type: 'exam.results_recorded',
      entityType: 'appointment',
      entityId: appointmentId,
      data: { appointmentId, tests: results.length },
    });
  });
}

export interface SignOffOutcome {
  readonly status: 'cleared' | 'not_cleared';
  readonly credentialId: string | null;
}

/**
 * The head physician signs off (never one who entered a result). All required tests negative: the
 * certificate is issued and the case moves to medical_cleared in the same transaction. A disqualifying
 * finding: a referral is recorded and the case moves to medical_not_cleared, with no reason on the case.
 */
export async function signOffExam(
  db: Db,
  principal: Principal,
  context: ActionContext,
  vault: KeyVault,
  appointmentId: string,
  input: { requestId: string; referredTo?: string },
): Promise<SignOffOutcome> {
  return inTransaction(db, async (trx) => {
    const appointment = await lockClinicAppointment(trx, principal, appointmentId);
    if (appointment.clinicStatus !== 'approved') throw new DomainError('exam.conflict', { detail: 'the clinic is not approved' });
    const exam = await trx.selectFrom('medical_exams').selectAll().where('appointment_id', '=', appointmentId).forUpdate().executeTakeFirst();
    if (!exam) throw new DomainError('exam.invalid', { detail: 'no results have been entered' });
    if (exam.status !== 'in_progress') throw new DomainError('exam.conflict', { detail: 'the exam is already signed off' });
    const procedure = await trx.selectFrom('medical_procedures').selectAll().where('id', '=', exam.procedure_id).executeTakeFirstOrThrow();
    const results = await trx.selectFrom('medical_test_results').select(['test_code', 'outcome', 'recorded_by']).where('exam_id', '=', exam.id).execute();
    const byTest = new Map(results.map((r) => [r.test_code, r]));
    const missing = procedure.tests.filter((t) => !byTest.has(t.code));
    if (missing.length > 0) {
      throw new DomainError('exam.invalid', {
        fields: missing.map((t) => ({ path: `results.${t.code}`, code: 'missing', message: 'no result for this required test' })),
      });
    }
    if (results.some((r) => r.recorded_by === principal.userId)) {
      throw new DomainError('exam.four_eyes.conflict', { detail: 'the sign-off must be by someone who entered no result' });
    }
    const findings = procedure.tests.filter((t) => t.disqualifying.includes(byTest.get(t.code)?.outcome as TestOutcome)).map((t) => t.code);
    const now = new Date();
    let credentialId: string | null = null;
    if (findings.length === 0) {
      credentialId = await issueCertificate(trx, context, vault, { exam, organizationId: appointment.clinicOrganizationId, procedure, now });
    } else {
      if (!input.referredTo)
        throw new DomainError('exam.invalid', { fields: [{ path: 'referredTo', code: 'required', message: 'a finding needs a referral' }] });
      await trx
        .insertInto('medical_referrals')
        .values({ exam_id: exam.id, findings: JSON.stringify(findings), referred_to: input.referredTo, created_by: principal.userId })
        .execute();
    }
    const status = findings.length === 0 ? 'cleared' : 'not_cleared';
    await trx
      .updateTable('medical_exams')
      .set({ status, signed_off_by: principal.userId, signed_off_at: now, credential_id: credentialId })
      .where('id', '=', exam.id)
      .execute();
    await audit(trx, context, {
      type: 'exam.signed_off',
      entityType: 'appointment',
      entityId: appointmentId,
      data: { appointmentId, procedureVersion: procedure.version },
    });
    await transitionCase(
      trx,
      context,
      { caseId: exam.case_id, action: status === 'cleared' ? 'clear_medical' : 'fail_medical', requestId: `${input.requestId}` },
      'module',
    );
    return { status, credentialId };
  });
}

/** Claims of the medical certificate from the stored person: the forms every Corridor document prints. */
export async function certificateClaims(trx: Tx, personId: string, procedure: { code: string; version: number }) {
  const person = await findPersonIdentity(trx, personId);
  if (!person) throw new DomainError('exam.conflict', { detail: 'the person is missing' });
  const { names } = person;
  return {
    name: { latin: `${names.latin.surname} ${names.latin.givenNames}`, ru: formatName(names.destination), tg: formatName(names.origin) },
    dob: person.birthDate,
    passport: person.passportNumber,
    procedure: { code: procedure.code, version: procedure.version },
    result: 'meets_requirements' as const,
  };
}

async function issueCertificate(
  trx: Tx,
  context: ActionContext,
  vault: KeyVault,
  input: {
    exam: { id: string; case_id: string; person_id: string };
    organizationId: string;
    procedure: { code: string; version: number; validity_months: number };
    now: Date;
  },
): Promise<string> {
  const signer = await findActiveSignerKey(trx, input.organizationId, input.now);
  if (!signer) throw new DomainError('exam.conflict', { detail: 'the clinic has no trusted signing key' });
  const validUntil = new Date(`${addMonths(input.now.toISOString().slice(0, 10), input.procedure.validity_months)}T${input.now.toISOString().slice(11)}`);
  const issued = await issueCredential(trx, context, vault, {
    type: MEDICAL_CERTIFICATE.type,
    version: MEDICAL_CERTIFICATE.version,
    claims: await certificateClaims(trx, input.exam.person_id, input.procedure),
    signerId: signer.id,
    subjectPersonId: input.exam.person_id,
    caseId: input.exam.case_id,
    sourceId: input.exam.id,
    validFrom: input.now,
    validUntil,
    now: input.now,
  });
  return issued.id;
}
