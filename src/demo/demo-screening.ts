import type { ActionContext } from '../platform/audit/audit';
import type { Tx } from '../platform/database/database';
import { TABLES, tajikToIcaoLatin, toMrzLatin, transliterate } from '../modules/people';
import { enqueueCaseScreening, getCurrentList, insertWatchlistVersion, recordHits, screenPersonRow, setCaseScreening } from '../modules/screening';
import { DEMO_FATHER_NAMES, DEMO_MALE_NAMES, DEMO_SURNAMES } from './demo-names';
import { createRandom } from './prng';
import type { DemoWorld } from './demo-world';

/** Statuses whose cases passed screening; they carry a `clear` screening outcome. */
const PAST_SCREENING = [
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
  'completed',
  'returned',
];

type PersonRow = { id: string; origin_surname: string; origin_given_names: string; origin_patronymic: string | null; birth_date: string };

const russian = (text: string) => transliterate(text, TABLES.tajikToRussian);

/** The list entry for a demo person, written as another system writes it. */
function entryFor(person: PersonRow, style: 'russian_swapped' | 'icao_year' | 'russian_exact' | 'reform_latin'): { name: string; birth: string } {
  const [y, m, d] = person.birth_date.split('-') as [string, string, string];
  const father = person.origin_patronymic ?? '';
  switch (style) {
    case 'russian_swapped':
      return {
        name: `${russian(person.origin_surname)} ${russian(person.origin_given_names)} ${russian(father)}`.toUpperCase(),
        birth: Number(d) <= 12 ? `${y}-${d}-${m}` : person.birth_date,
      };
    case 'icao_year':
      return { name: `${tajikToIcaoLatin(person.origin_given_names)} ${tajikToIcaoLatin(person.origin_surname)}`.toUpperCase(), birth: y };
    case 'russian_exact':
      return { name: `${russian(person.origin_surname)} ${russian(person.origin_given_names)}`, birth: person.birth_date };
    case 'reform_latin':
      return { name: `${toMrzLatin(person.origin_surname.replace(/(ов|ев)а?$/, 'зода'))} ${toMrzLatin(person.origin_given_names)}`, birth: person.birth_date };
  }
}

/**
 * The MVD office's list (version 1): entries that truly match demo applicants (the two cases on screening
 * hold, the refused one, and one awaiting screening, which the screening job puts on hold at start), namesakes
 * born in other years (which match nothing), and others. Matches and case outcomes are recorded to agree.
 */
export async function seedScreeningDemo(trx: Tx, context: ActionContext, world: DemoWorld): Promise<void> {
  const random = createRandom(7_9303);
  const byStatus = (status: string) => world.applicants.filter((a) => a.status === status);
  const hold = byStatus('screening_hold');
  const refused = byStatus('refused');
  const awaiting = byStatus('medical_cleared').slice(0, 1);
  const persons = new Map(
    (
      await trx
        .selectFrom('persons')
        .select(['id', 'origin_surname', 'origin_given_names', 'origin_patronymic', 'birth_date'])
        .where(
          'id',
          'in',
          [...hold, ...refused, ...awaiting, ...world.applicants.slice(0, 4)].map((a) => a.personId),
        )
        .execute()
    ).map((p) => [p.id, p]),
  );
  const planted: Array<{ person?: PersonRow; style: Parameters<typeof entryFor>[1] }> = [
    { person: persons.get(hold.find((a) => a.email)?.personId ?? ''), style: 'icao_year' },
    { person: persons.get(hold.find((a) => !a.email)?.personId ?? ''), style: 'russian_swapped' },
    { person: persons.get(refused[0]?.personId ?? ''), style: 'russian_exact' },
    { person: persons.get(awaiting[0]?.personId ?? ''), style: 'reform_latin' },
  ];
  const rows: Array<{ id: string; name: string; birthDate: string }> = [];
  planted.forEach(({ person, style }, i) => {
    if (!person) return;
    const entry = entryFor(person, style);
    rows.push({ id: `MVD-${1001 + i}`, name: entry.name, birthDate: entry.birth });
  });
  // Namesakes of other applicants, born in other years: the engine must find nothing for them.
  for (const applicant of world.applicants.slice(0, 4)) {
    const person = persons.get(applicant.personId);
    if (!person) continue;
    const year = Number(person.birth_date.slice(0, 4)) + (random.next() < 0.5 ? -3 : 4);
    rows.push({
      id: `MVD-${2001 + rows.length}`,
      name: `${russian(person.origin_surname)} ${russian(person.origin_given_names)}`,
      birthDate: `${year}${person.birth_date.slice(4)}`,
    });
  }
  for (let i = 0; rows.length < 40; i += 1) {
    const surname = random.pick(DEMO_SURNAMES);
    const given = random.pick(DEMO_MALE_NAMES);
    const father = random.pick(DEMO_FATHER_NAMES);
    const name =
      i % 2 === 0 ? `${russian(surname)} ${russian(given)} ${russian(father)}ович` : `${tajikToIcaoLatin(given)} ${tajikToIcaoLatin(surname)}`.toUpperCase();
    rows.push({
      id: `MVD-${3001 + i}`,
      name,
      birthDate: `${random.int(1960, 1975)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    });
  }
  await insertWatchlistVersion(
    trx,
    context,
    'MVD register export (demo)',
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      birthDate: r.birthDate,
      birth: { year: 0, month: 0, day: 0 },
      gender: null,
      passportNumber: null,
      nationality: 'TJK',
    })),
  );
  const list = await getCurrentList(trx);
  if (!list) return;
  for (const applicant of [...hold, ...refused]) {
    const person = await trx.selectFrom('persons').selectAll().where('id', '=', applicant.personId).executeTakeFirstOrThrow();
    await recordHits(trx, context, list, person.id, applicant.caseId, await screenPersonRow(list, person));
    await setCaseScreening(trx, applicant.caseId, applicant.status === 'refused' ? 'refused' : 'hold', list.versionId);
  }
  await settleRefusals(
    trx,
    refused.map((a) => a.personId),
  );
  for (const applicant of world.applicants.filter((a) => PAST_SCREENING.includes(a.status)))
    await setCaseScreening(trx, applicant.caseId, 'clear', list.versionId);
  // Cases imported as medically cleared still await screening: the job screens them once the server runs.
  for (const applicant of byStatus('medical_cleared')) await enqueueCaseScreening(trx, applicant.caseId, 'demo-import');
}

/** The refused applicant's match was proposed by one officer and confirmed by the other (four eyes). */
async function settleRefusals(trx: Tx, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  const officers = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'in', ['mvd@corridor.demo', 'mvd2@corridor.demo'])
    .orderBy('email')
    .execute();
  const [first, second] = officers;
  if (!first || !second) return;
  const at = new Date(Date.now() - 2 * 86_400_000);
  await trx
    .updateTable('screening_matches')
    .set({
      status: 'refused',
      proposed_by: first.id,
      proposed_at: at,
      proposal_reason: 'Same person: name, father and date of birth agree with the entry-ban record.',
      decided_by: second.id,
      decided_at: new Date(at.getTime() + 3_600_000),
      decision_reason: 'Confirmed against the register extract.',
    })
    .where('person_id', 'in', personIds)
    .execute();
}
