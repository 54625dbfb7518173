import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { todayIn } from '../../platform/calendar';
import { inTransaction, type Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findLatestCredential, MEDICAL_CERTIFICATE } from '../credentials';
import { getCorridorRules, listVisibleCases } from '../journey';
import { findPersonSummaries, formatName, type PersonSummary } from '../people';
import { listBookableDays } from './appointment.service';
import { findClinicByOrganization } from './clinic.service';
import type { ClinicStats, DayList, ExamView, MyMedical } from './medical.schema';

const CAN_BOOK = ['registered', 'medical_not_cleared'];

function names(person: PersonSummary) {
  return {
    latin: `${person.names.latin.surname} ${person.names.latin.givenNames}`,
    origin: formatName(person.names.origin),
    destination: formatName(person.names.destination),
  };
}

/** The applicant's examination: appointment, state and certificate. Never a result or a finding. */
export async function getMyMedical(db: Db, principal: Principal): Promise<MyMedical> {
  return inTransaction(db, async (trx) => {
    const [kase] = await listVisibleCases(trx, principal, { limit: 1 });
    const empty: MyMedical = { caseId: null, caseStatus: null, canBook: false, bookableDays: [], appointment: null, state: 'not_booked', certificate: null };
    if (!kase) return empty;
    const today = todayIn((await getCorridorRules(trx, kase.corridorCode)).originTimezone);
    const appointment = await trx
      .selectFrom('medical_appointments as a')
      .innerJoin('clinics as c', 'c.id', 'a.clinic_id')
      .select(['a.id', 'a.day', 'a.status', 'c.name', 'c.address', 'c.opens_at', 'c.closes_at'])
      .where('a.case_id', '=', kase.id)
      .where('a.status', 'in', ['booked', 'examined'])
      .executeTakeFirst();
    const exam = await trx
      .selectFrom('medical_exams')
      .select(['status'])
      .where('case_id', '=', kase.id)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const credential = await findLatestCredential(trx, MEDICAL_CERTIFICATE.type, { caseId: kase.id });
    const canBook = CAN_BOOK.includes(kase.status);
    const changeable = appointment?.status === 'booked' && appointment.day > today;
    const state: MyMedical['state'] =
      kase.status === 'medical_not_cleared'
        ? 'not_cleared'
        : exam?.status === 'cleared' || credential
          ? 'cleared'
          : exam?.status === 'in_progress'
            ? 'in_progress'
            : appointment
              ? 'booked'
              : 'not_booked';
    const now = new Date();
    return {
      caseId: kase.id,
      caseStatus: kase.status,
      canBook,
      bookableDays: canBook || changeable ? await listBookableDays(trx, today) : [],
      appointment: appointment
        ? {
            id: appointment.id,
            day: appointment.day,
            status: appointment.status as 'booked' | 'examined',
            canChange: changeable,
            clinic: { name: appointment.name, address: appointment.address, opensAt: appointment.opens_at, closesAt: appointment.closes_at },
          }
        : null,
      state,
      certificate: credential
        ? {
            id: credential.id,
            issuedAt: credential.issued_at.toISOString(),
            validUntil: credential.valid_until.toISOString(),
            status: credential.revoked_at ? 'revoked' : credential.valid_until <= now ? 'expired' : 'valid',
            code: credential.code,
          }
        : null,
    };
  });
}

/** The clinic's appointments of a day (clinic roles, own clinic). */
export async function getDayList(db: Db, principal: Principal, day: string): Promise<DayList> {
  const clinic = await findClinicByOrganization(db, principal.organizationId);
  if (!clinic) throw new DomainError('clinic.not_found');
  const rows = await db
    .selectFrom('medical_appointments as a')
    .leftJoin('medical_exams as e', 'e.appointment_id', 'a.id')
    .select(['a.id', 'a.day', 'a.status', 'a.person_id', 'e.id as examId', 'e.status as examStatus'])
    .select((eb) => eb.selectFrom('medical_test_results as r').whereRef('r.exam_id', '=', 'e.id').select(eb.fn.countAll<number>().as('n')).as('recorded'))
    .where('a.clinic_id', '=', clinic.id)
    .where('a.day', '=', day)
    .where('a.status', 'in', ['booked', 'examined'])
    .orderBy('a.created_at')
    .execute();
  const persons = await findPersonSummaries(
    db,
    rows.map((r) => r.person_id),
  );
  return {
    day,
    clinic: { id: clinic.id, name: clinic.name },
    items: rows.flatMap((r) => {
      const person = persons.get(r.person_id);
      return person
        ? [
            {
              appointmentId: r.id,
              day: r.day,
              status: r.status as 'booked' | 'examined',
              name: names(person),
              birthDate: person.birthDate,
              examId: r.examId,
              examStatus: r.examStatus,
              resultsRecorded: Number(r.recorded ?? 0),
            },
          ]
        : [];
    }),
  };
}

/** One exam with its results (health roles; clinics see their own clinic's). The read is audited. */
export async function getExamView(db: Db, principal: Principal, context: ActionContext, appointmentId: string): Promise<ExamView> {
  return inTransaction(db, async (trx) => {
    let query = trx
      .selectFrom('medical_appointments as a')
      .innerJoin('clinics as c', 'c.id', 'a.clinic_id')
      .leftJoin('medical_exams as e', 'e.appointment_id', 'a.id')
      .select([
        'a.id',
        'a.day',
        'a.person_id',
        'a.status',
        'c.id as clinicId',
        'c.name as clinicName',
        'e.id as examId',
        'e.status as examStatus',
        'e.procedure_id',
        'e.signed_off_at',
        'e.credential_id',
      ])
      .where('a.id', '=', appointmentId)
      .where('a.status', '!=', 'cancelled');
    if (principal.role !== 'health_authority') query = query.where('c.organization_id', '=', principal.organizationId ?? '');
    const row = await query.executeTakeFirst();
    if (!row) throw new DomainError('appointment.not_found');
    const procedure = row.procedure_id
      ? await trx.selectFrom('medical_procedures').selectAll().where('id', '=', row.procedure_id).executeTakeFirstOrThrow()
      : await trx.selectFrom('medical_procedures').selectAll().where('status', '=', 'approved').orderBy('approved_at', 'desc').limit(1).executeTakeFirst();
    if (!procedure) throw new DomainError('procedure.not_found');
    const results = row.examId ? await trx.selectFrom('medical_test_results').selectAll().where('exam_id', '=', row.examId).execute() : [];
    const referral = row.examId ? await trx.selectFrom('medical_referrals').selectAll().where('exam_id', '=', row.examId).executeTakeFirst() : undefined;
    const person = (await findPersonSummaries(trx, [row.person_id])).get(row.person_id);
    if (!person) throw new DomainError('appointment.not_found');
    await audit(trx, context, { type: 'exam.read', entityType: 'appointment', entityId: row.id, data: { appointmentId: row.id } });
    const byTest = new Map(results.map((r) => [r.test_code, r]));
    return {
      appointmentId: row.id,
      examId: row.examId,
      day: row.day,
      clinic: { id: row.clinicId, name: row.clinicName },
      person: { ...names(person), birthDate: person.birthDate },
      procedure: { code: procedure.code, version: procedure.version, title: procedure.title },
      status: row.examStatus ?? 'not_started',
      tests: procedure.tests.map((t) => ({
        code: t.code,
        outcome: byTest.get(t.code)?.outcome ?? null,
        recordedByMe: byTest.get(t.code)?.recorded_by === principal.userId,
      })),
      signedOffAt: row.signed_off_at?.toISOString() ?? null,
      referral: referral ? { referredTo: referral.referred_to, findings: referral.findings } : null,
      certificateId: row.credential_id,
      canSignOff:
        principal.role === 'clinic_head' &&
        row.examStatus === 'in_progress' &&
        results.length === procedure.tests.length &&
        !results.some((r) => r.recorded_by === principal.userId),
    };
  });
}

/** Per-clinic volumes and pass rates (health authority): a clinic that passes everyone stands out. */
export async function getClinicStats(db: Db): Promise<ClinicStats> {
  const clinics = await db.selectFrom('clinics').select(['id', 'name', 'status']).orderBy('name').execute();
  const exams = await db
    .selectFrom('medical_exams')
    .select(['clinic_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['clinic_id', 'status'])
    .execute();
  const upcoming = await db
    .selectFrom('medical_appointments')
    .select(['clinic_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'booked')
    .groupBy('clinic_id')
    .execute();
  const count = (clinicId: string, status: string) => Number(exams.find((e) => e.clinic_id === clinicId && e.status === status)?.n ?? 0);
  const rows = clinics.map((c) => {
    const cleared = count(c.id, 'cleared');
    const notCleared = count(c.id, 'not_cleared');
    const signed = cleared + notCleared;
    return {
      clinicId: c.id,
      name: c.name,
      status: c.status,
      examined: signed + count(c.id, 'in_progress'),
      cleared,
      notCleared,
      passRate: signed > 0 ? cleared / signed : null,
      upcoming: Number(upcoming.find((u) => u.clinic_id === c.id)?.n ?? 0),
    };
  });
  const cleared = rows.reduce((s, r) => s + r.cleared, 0);
  const signed = rows.reduce((s, r) => s + r.cleared + r.notCleared, 0);
  return { clinics: rows, overallPassRate: signed > 0 ? cleared / signed : null };
}
