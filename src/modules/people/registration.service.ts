import { audit, type ActionContext } from '../../platform/audit/audit';
import { createUser } from '../../platform/auth/accounts';
import { todayIn } from '../../platform/calendar';
import { inTransaction, type Db } from '../../platform/database/database';
import { DomainError, type FieldError } from '../../platform/errors';
import { findOpenRound, openCase } from '../journey';
import { recordDuplicateCandidates } from './duplicates.service';
import { findNameMatcher, listRegistrationHooks } from './person.extensions';
import { deriveNames } from './person.names';
import { createPerson, writeMatchKeys } from './person.service';
import type { Registration } from './person.schema';
import { parseMrz, type Mrz } from './passport/mrz';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'person.registered': { caseId: string; duplicateCandidates: number };
  }
}

/** Below this the Tajik name and the passport's Latin name are not the same name. */
const NAME_AGREEMENT = 0.8;

function checkPassport(input: Registration, mrz: Mrz, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (mrz.expiryDate < today) errors.push({ path: 'mrz.expiryDate', code: 'expired', message: `the passport expired on ${mrz.expiryDate}` });
  const matcher = findNameMatcher();
  if (matcher && matcher.nameAgreement({ surname: mrz.surname, givenNames: mrz.givenNames }, input.name) < NAME_AGREEMENT) {
    errors.push({ path: 'name', code: 'passport_mismatch', message: 'the name does not match the name in the passport' });
  }
  return errors;
}

/**
 * Public sign-up: the MRZ (typed or pasted) is checked field by field, the name in Tajik Cyrillic must agree
 * with the passport, then one transaction creates the person (three name forms: Latin from the MRZ, Tajik as
 * given, Russian derived), the applicant's account and a case in the open round, records probable duplicates
 * for the agency, and runs the registration hooks (screening against the list in force).
 */
export async function registerApplicant(db: Db, context: ActionContext, input: Registration): Promise<{ personId: string; caseId: string; userId: string }> {
  const parsed = parseMrz(input.mrz);
  if (!parsed.ok) throw new DomainError('registration.invalid', { detail: 'the passport MRZ is not valid', fields: parsed.errors });
  const { mrz } = parsed;
  return inTransaction(db, async (trx) => {
    const corridor = await trx.selectFrom('corridors').select(['origin_timezone']).where('code', '=', input.corridorCode).executeTakeFirst();
    if (!corridor) throw new DomainError('registration.invalid', { fields: [{ path: 'corridorCode', code: 'unknown', message: 'no such corridor' }] });
    const today = todayIn(corridor.origin_timezone);
    const errors = checkPassport(input, mrz, today);
    if (errors.length > 0) throw new DomainError('registration.invalid', { detail: errors[0]?.message, fields: errors });
    const round = await findOpenRound(trx, input.corridorCode, today);
    if (!round) throw new DomainError('registration.conflict', { detail: 'no recruitment round is open now' });
    const names = deriveNames({ surname: input.name.surname, givenNames: input.name.givenNames, patronymic: input.name.patronymic ?? null });
    const person = {
      names: { ...names, latin: { surname: mrz.surname, givenNames: mrz.givenNames || mrz.surname } },
      birthDate: mrz.birthDate,
      gender: mrz.sex,
      citizenship: mrz.nationality.padEnd(3, '<').slice(0, 3),
      passportNumber: mrz.documentNumber,
      passportExpiry: mrz.expiryDate,
      passportIssuingState: mrz.issuingState,
      phone: input.phone ?? null,
      email: input.email,
    };
    const personId = await createPerson(trx, context, person);
    const userId = await createUser(trx, context, {
      email: input.email,
      displayName: `${input.name.givenNames} ${input.name.surname}`,
      role: 'applicant',
      password: input.password,
      organizationId: null,
      personId,
      locale: input.locale,
    });
    const caseId = await openCase(trx, context, personId, round.id);
    const keys = await writeMatchKeys(trx, personId, person);
    const duplicates = await recordDuplicateCandidates(trx, context, personId, person, keys);
    for (const hook of listRegistrationHooks()) await hook(trx, context, { personId, caseId });
    await audit(trx, context, { type: 'person.registered', entityType: 'person', entityId: personId, data: { caseId, duplicateCandidates: duplicates } });
    return { personId, caseId, userId };
  });
}
