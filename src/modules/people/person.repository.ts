import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Queryable } from '../../platform/database/database';
import type { NewPerson, PersonSummary } from './person.schema';
import './person.tables';

export async function insertPerson(db: Queryable, input: NewPerson & { passportIssuingState?: string | null }): Promise<string> {
  const { names } = input;
  const row = await db
    .insertInto('persons')
    .values({
      latin_surname: names.latin.surname,
      latin_given_names: names.latin.givenNames,
      origin_surname: names.origin.surname,
      origin_given_names: names.origin.givenNames,
      origin_patronymic: names.origin.patronymic ?? null,
      destination_surname: names.destination.surname,
      destination_given_names: names.destination.givenNames,
      destination_patronymic: names.destination.patronymic ?? null,
      birth_date: input.birthDate,
      gender: input.gender,
      citizenship: input.citizenship,
      passport_number: input.passportNumber ?? null,
      passport_expiry: input.passportExpiry ?? null,
      passport_issuing_state: input.passportIssuingState ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const summaryColumns = [
  'id',
  'latin_surname',
  'latin_given_names',
  'origin_surname',
  'origin_given_names',
  'origin_patronymic',
  'destination_surname',
  'destination_given_names',
  'destination_patronymic',
  'birth_date',
  'gender',
] as const;

type SummaryRow = {
  id: string;
  latin_surname: string;
  latin_given_names: string;
  origin_surname: string;
  origin_given_names: string;
  origin_patronymic: string | null;
  destination_surname: string;
  destination_given_names: string;
  destination_patronymic: string | null;
  birth_date: string;
  gender: 'M' | 'F' | 'X';
};

export function toPersonSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id,
    names: {
      latin: { surname: row.latin_surname, givenNames: row.latin_given_names },
      origin: { surname: row.origin_surname, givenNames: row.origin_given_names, patronymic: row.origin_patronymic },
      destination: { surname: row.destination_surname, givenNames: row.destination_given_names, patronymic: row.destination_patronymic },
    },
    birthDate: row.birth_date,
    gender: row.gender,
  };
}

export async function findPersonSummaries(db: Queryable, ids: readonly string[]): Promise<Map<string, PersonSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('persons').select(summaryColumns).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, toPersonSummary(row)]));
}

/**
 * A person summary as one JSON value, for another module's query to embed (one round trip instead of two).
 * The SQL stays here, with the table it reads; `parsePersonSummaryJson` turns the value back into a summary.
 */
export function personSummaryJson(personId: Expression<string>): RawBuilder<SummaryRow | null> {
  return sql<SummaryRow | null>`(select json_build_object(${sql.join(summaryColumns.map((c) => sql`${sql.lit(c)}, p.${sql.ref(c)}`))}) from persons p where p.id = ${personId})`;
}

export function parsePersonSummaryJson(value: SummaryRow | null): PersonSummary | undefined {
  return value ? toPersonSummary(value) : undefined;
}

/** A person's summary with the passport number: what an issued document (a certificate) prints. */
export async function findPersonIdentity(db: Queryable, id: string): Promise<(PersonSummary & { passportNumber: string | null }) | undefined> {
  const row = await db
    .selectFrom('persons')
    .select([...summaryColumns, 'passport_number'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...toPersonSummary(row), passportNumber: row.passport_number } : undefined;
}

/** Passport numbers for documents that must carry them (the employment contract); no other field. */
export async function findPassportNumbers(db: Queryable, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('persons').select(['id', 'passport_number']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.passport_number]));
}
