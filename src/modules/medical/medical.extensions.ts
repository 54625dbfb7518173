import { sql } from 'kysely';
import { addDays } from '../../platform/calendar';
import { hasValidCredential, MEDICAL_CERTIFICATE, validCredentialExpirySql } from '../credentials';
import { makeDeadline, registerCaseGuard, registerCaseVisibility, registerDeadlineSource, registerPoolRequirement, type CaseStatus } from '../journey';

/**
 * What the medical module tells the journey: the certificate guard on clear_medical, the pool requirement,
 * which cases clinics see (those with an appointment at their clinic), and the examination deadlines.
 */
const AFTER_CLEARANCE: CaseStatus[] = [
  'medical_cleared',
  'screening_hold',
  'screened_clear',
  'in_pool',
  'shortlisted',
  'selected',
  'offered',
  'contracted',
  'departed',
  'arrived',
  'permitted',
  'employed',
];

registerCaseGuard('medical.certificate_valid', async (trx, kase) =>
  (await hasValidCredential(trx, MEDICAL_CERTIFICATE.type, { caseId: kase.id })) ? { ok: true } : { ok: false, reason: 'no_valid_certificate' },
);

registerPoolRequirement('medical_certificate', async (trx, kase) => {
  const valid = await hasValidCredential(trx, MEDICAL_CERTIFICATE.type, { personId: kase.personId });
  return valid ? { met: true } : { met: false, detail: 'no_valid_certificate' };
});

for (const role of ['clinic_staff', 'clinic_head'] as const) {
  registerCaseVisibility(role, (eb, principal) =>
    eb.exists(
      eb
        .selectFrom('medical_appointments as ma')
        .innerJoin('clinics as cl', 'cl.id', 'ma.clinic_id')
        .select('ma.id')
        .whereRef('ma.case_id', '=', 'cases.id')
        .where('cl.organization_id', '=', principal.organizationId ?? '00000000-0000-0000-0000-000000000000')
        .where('ma.status', 'in', ['booked', 'examined']),
    ),
  );
}

registerDeadlineSource('medical_appointment', {
  statuses: ['medical_booked'],
  fact: sql`(select ma.day from medical_appointments ma where ma.case_id = cases.id and ma.status = 'booked' order by ma.day limit 1)`,
  deadlines: (day, _kase, { today }) => (typeof day === 'string' ? [makeDeadline('medical_appointment', day, today.origin)] : []),
});

registerDeadlineSource('certificate_renewal', {
  statuses: AFTER_CLEARANCE,
  fact: validCredentialExpirySql(MEDICAL_CERTIFICATE.type, sql.ref('cases.person_id')),
  deadlines: (expiresOn, kase, { today, rules }) => {
    if (typeof expiresOn !== 'string') return [];
    const inDestination = ['departed', 'arrived', 'permitted', 'employed'].includes(kase.status);
    const todayThere = inDestination ? today.destination : today.origin;
    // The reminder shows from the day renewal opens (the corridor's window before expiry).
    return todayThere >= addDays(expiresOn, -rules.certificateRenewalWindowDays) ? [makeDeadline('certificate_renewal', expiresOn, todayThere)] : [];
  },
});
