import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, isUniqueViolation, type Db, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { listDuplicatesOfPerson } from './duplicates.service';
import { findNameMatcher, type MatchablePerson } from './person.extensions';
import { insertPerson, toPersonSummary } from './person.repository';
import type { DestinationNameCorrection, NewPerson, PersonDetail } from './person.schema';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'person.created': Record<string, never>;
    'person.identity_read': Record<string, never>;
    'person.destination_name_corrected': { fields: string[] };
  }
}

/** Write the person's blocking keys (duplicate detection); a no-op until a name matcher is registered. */
export async function writeMatchKeys(trx: Tx, personId: string, person: MatchablePerson): Promise<number[]> {
  const matcher = findNameMatcher();
  if (!matcher) return [];
  const keys = matcher.keysOf(person);
  await trx
    .insertInto('person_match_keys')
    .values({ person_id: personId, keys })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ keys }))
    .execute();
  return keys;
}

export async function createPerson(trx: Tx, context: ActionContext, input: NewPerson & { passportIssuingState?: string | null }): Promise<string> {
  try {
    const id = await insertPerson(trx, input);
    await writeMatchKeys(trx, id, input);
    await audit(trx, context, { type: 'person.created', entityType: 'person', entityId: id, data: {} });
    return id;
  } catch (error) {
    if (isUniqueViolation(error, 'persons_passport_key')) {
      throw new DomainError('person.conflict', { fields: [{ path: 'passportNumber', code: 'taken', message: 'a person with this passport is registered' }] });
    }
    throw error;
  }
}

async function readPerson(trx: Tx, id: string) {
  return trx.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An official reads a person's identity: names in three forms, passport, duplicates. Audited. */
export async function getPersonDetail(db: Db, principal: Principal, context: ActionContext, id: string): Promise<PersonDetail> {
  return inTransaction(db, async (trx) => {
    const row = await readPerson(trx, id);
    if (!row) throw new DomainError('person.not_found');
    await audit(trx, context, { type: 'person.identity_read', entityType: 'person', entityId: id, data: {} });
    return {
      ...toPersonSummary(row),
      citizenship: row.citizenship,
      passport: { number: row.passport_number, issuingState: row.passport_issuing_state, expiry: row.passport_expiry },
      destinationCorrectedAt: row.destination_corrected_at?.toISOString() ?? null,
      mergedIntoPersonId: row.merged_into_person_id,
      duplicates: principal.role === 'origin_agency' ? await listDuplicatesOfPerson(trx, id) : [],
    };
  });
}

/**
 * An officer corrects the Russian form of the name (the form printed on Russian documents). The keys are
 * rewritten so duplicate detection sees the corrected form; the audit event names the fields, not the values.
 */
export async function correctDestinationName(db: Db, context: ActionContext, id: string, input: DestinationNameCorrection): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('persons').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError('person.not_found');
    const next = { surname: input.surname, givenNames: input.givenNames, patronymic: input.patronymic ?? null };
    const fields = (
      [
        ['surname', row.destination_surname, next.surname],
        ['givenNames', row.destination_given_names, next.givenNames],
        ['patronymic', row.destination_patronymic, next.patronymic],
      ] as const
    )
      .filter(([, before, after]) => before !== after)
      .map(([field]) => field);
    if (fields.length === 0) return;
    await trx
      .updateTable('persons')
      .set({
        destination_surname: next.surname,
        destination_given_names: next.givenNames,
        destination_patronymic: next.patronymic,
        destination_corrected_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const summary = toPersonSummary({
      ...row,
      destination_surname: next.surname,
      destination_given_names: next.givenNames,
      destination_patronymic: next.patronymic,
    });
    await writeMatchKeys(trx, id, { names: summary.names, birthDate: row.birth_date, gender: row.gender, passportNumber: row.passport_number });
    await audit(trx, context, { type: 'person.destination_name_corrected', entityType: 'person', entityId: id, data: { fields } });
  });
}
