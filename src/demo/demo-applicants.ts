import type { ActionContext } from '../platform/audit/audit';
import { createUser } from '../platform/auth/accounts';
import { addDays } from '../platform/calendar';
import type { Tx } from '../platform/database/database';
import { createPerson, deriveNames } from '../modules/people';
import { importCaseHistory, importPreDepartureRecord, openCase, setCaseEmployer, type CaseAction, type CaseStatus } from '../modules/journey';
import { DEMO_FATHER_NAMES, DEMO_FEMALE_NAMES, DEMO_MALE_NAMES, DEMO_SURNAMES } from './demo-names';
import { createRandom } from './prng';
import type { DemoWorld } from './demo-world';

/** The action path that leads to each demo status (actions from `registered`). */
const MAIN: CaseAction[] = [
  'book_medical',
  'clear_medical',
  'clear_screening',
  'enter_pool',
  'shortlist',
  'select',
  'make_offer',
  'sign_contract',
  'depart',
  'confirm_arrival',
  'record_patent',
  'start_employment',
  'complete',
];
const PATHS: Readonly<Partial<Record<CaseStatus, CaseAction[]>>> = {
  medical_not_cleared: ['book_medical', 'fail_medical'],
  screening_hold: ['book_medical', 'clear_medical', 'hold_screening'],
  refused: ['book_medical', 'clear_medical', 'hold_screening', 'refuse'],
  withdrawn: ['book_medical', 'withdraw'],
  returned: [...MAIN.slice(0, 11), 'return_home'],
};

function pathTo(status: CaseStatus): CaseAction[] {
  const special = PATHS[status];
  if (special) return special;
  const statuses: CaseStatus[] = [
    'registered',
    'medical_booked',
    'medical_cleared',
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
  ];
  return MAIN.slice(0, statuses.indexOf(status));
}

const ACTOR_ROLE: Readonly<Record<CaseAction, string>> = {
  book_medical: 'applicant',
  cancel_medical_booking: 'applicant',
  clear_medical: 'clinic_head',
  fail_medical: 'clinic_head',
  clear_screening: 'mvd_office',
  hold_screening: 'system:screening',
  refuse: 'mvd_office',
  enter_pool: 'origin_agency',
  shortlist: 'system:matching',
  select: 'employer',
  return_to_pool: 'origin_agency',
  make_offer: 'origin_agency',
  sign_contract: 'employer',
  decline_offer: 'applicant',
  expire_offer: 'system:offers',
  depart: 'origin_agency',
  confirm_arrival: 'employer',
  record_patent: 'employer',
  transfer_employer: 'system:transfer',
  start_employment: 'employer',
  complete: 'employer',
  return_home: 'consular_office',
  withdraw: 'applicant',
  close: 'origin_agency',
};

const REASONS: Partial<Record<CaseAction, string>> = {
  refuse: 'Decision of the entry screening',
  return_home: 'Family circumstances',
  withdraw: 'Changed plans',
};

/** Who the demo population is: status, how many, and the named accounts the README documents. */
const POPULATION: ReadonlyArray<{ status: CaseStatus; count: number; accounts?: string[] }> = [
  { status: 'registered', count: 5, accounts: ['madina@corridor.demo'] },
  { status: 'medical_booked', count: 4 },
  { status: 'medical_not_cleared', count: 1 },
  { status: 'medical_cleared', count: 3 },
  { status: 'screening_hold', count: 2, accounts: ['davlat@corridor.demo'] },
  { status: 'refused', count: 1 },
  { status: 'screened_clear', count: 3 },
  { status: 'in_pool', count: 5 },
  { status: 'shortlisted', count: 2 },
  { status: 'selected', count: 1 },
  { status: 'offered', count: 2, accounts: ['alisher@corridor.demo'] },
  { status: 'contracted', count: 2, accounts: ['jamshed@corridor.demo'] },
  { status: 'departed', count: 1, accounts: ['sohrob@corridor.demo'] },
  { status: 'arrived', count: 2, accounts: ['firdavs@corridor.demo'] },
  { status: 'permitted', count: 1 },
  { status: 'employed', count: 2 },
  { status: 'completed', count: 1 },
  { status: 'returned', count: 1 },
  { status: 'withdrawn', count: 1 },
];

/** Fixed identities for the documented accounts, so the README can name them. */
const NAMED: Readonly<Record<string, { surname: string; given: string; father: string; gender: 'M' | 'F' }>> = {
  'madina@corridor.demo': { surname: 'Каримова', given: 'Мадина', father: 'Карим', gender: 'F' },
  'alisher@corridor.demo': { surname: 'Қурбонов', given: 'Алишер', father: 'Назар', gender: 'M' },
  'jamshed@corridor.demo': { surname: 'Раҳмонов', given: 'Ҷамшед', father: 'Саид', gender: 'M' },
  'sohrob@corridor.demo': { surname: 'Ғафуров', given: 'Сӯҳроб', father: 'Умар', gender: 'M' },
  'firdavs@corridor.demo': { surname: 'Ҷалолов', given: 'Фирдавс', father: 'Ҷалол', gender: 'M' },
  'davlat@corridor.demo': { surname: 'Давлатов', given: 'Комрон', father: 'Раҳим', gender: 'M' },
};

const ACCOUNT_NOTES: Readonly<Record<string, string>> = {
  'madina@corridor.demo': 'applicant, just registered',
  'alisher@corridor.demo': 'applicant with a job offer',
  'jamshed@corridor.demo': 'applicant with a signed contract, about to depart',
  'sohrob@corridor.demo': 'applicant on the way to Russia',
  'firdavs@corridor.demo': 'worker who arrived in Russia (deadlines running)',
  'davlat@corridor.demo': 'applicant whose screening is on hold (a namesake on the entry-ban list)',
};

export const DEMO_APPLICANT_ACCOUNTS = Object.entries(ACCOUNT_NOTES).map(([email, note]) => ({ email, role: 'applicant' as const, organization: null, note }));

function feminine(surname: string): string {
  return /(ов|ев|ин)$/.test(surname) ? `${surname}а` : surname;
}

export async function seedDemoApplicants(trx: Tx, context: ActionContext, world: DemoWorld, passwordHash: string, now: Date): Promise<void> {
  const random = createRandom(20261128);
  let serial = 0;
  for (const group of POPULATION) {
    for (let i = 0; i < group.count; i += 1) {
      serial += 1;
      const email = group.accounts?.[i] ?? null;
      const named = email ? NAMED[email] : undefined;
      const gender = named?.gender ?? (random.next() < 0.2 ? 'F' : 'M');
      const father = named?.father ?? random.pick(DEMO_FATHER_NAMES);
      const surname = named?.surname ?? (gender === 'F' ? feminine(random.pick(DEMO_SURNAMES)) : random.pick(DEMO_SURNAMES));
      const given = named?.given ?? (gender === 'F' ? random.pick(DEMO_FEMALE_NAMES) : random.pick(DEMO_MALE_NAMES));
      const names = deriveNames({ surname, givenNames: given, patronymic: `${father}${gender === 'F' ? 'овна' : 'ович'}` });
      const birthDate = `${random.int(1980, 2004)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const personId = await createPerson(trx, context, {
        names,
        birthDate,
        gender,
        citizenship: 'TJK',
        passportNumber: `${400_000_000 + serial * 7919}`,
        passportExpiry: addDays(world.today, random.int(400, 3000)),
        phone: `+99290${String(1_000_000 + serial * 37_123).slice(0, 7)}`,
        email,
      });
      const path = pathTo(group.status);
      // Cases that reached Russia belong to the previous round; the rest to the current one.
      const reachedRussia = path.includes('depart');
      const caseId = await openCase(trx, context, personId, reachedRussia ? world.rounds.previous : world.rounds.current);
      const steps = path.map((action, index) => {
        const daysAgo = stepDaysAgo(group.status, path.length - index - 1);
        const at = new Date(now.getTime() - daysAgo * 86_400_000 - random.int(0, 36_000) * 1000);
        return { action, at, actorRole: ACTOR_ROLE[action], reason: REASONS[action], occurredOn: addDays(world.today, -daysAgo) };
      });
      const status = await importCaseHistory(trx, context, caseId, steps);
      // Orientation and the language certificate come before pool entry; some screened cases are still on them.
      const poolIndex = path.indexOf('enter_pool');
      if (poolIndex >= 0 || (group.status === 'screened_clear' && i > 0)) {
        const before = steps[poolIndex >= 0 ? poolIndex : steps.length - 1]?.occurredOn ?? world.today;
        await importPreDepartureRecord(trx, context, caseId, {
          kind: 'orientation',
          completedOn: addDays(before, -2),
          reference: `OR-${before.slice(0, 7)}-${1 + (serial % 4)}`,
        });
        if (poolIndex >= 0 || i > 1) {
          await importPreDepartureRecord(trx, context, caseId, {
            kind: 'language_certificate',
            completedOn: addDays(before, -1),
            reference: `ТРКИ-${100_000 + serial * 37}`,
            score: random.int(62, 96),
          });
        }
      }
      if (path.includes('select')) {
        const employer = world.organizations.get(serial % 3 === 0 ? 'employer_2' : 'employer_1');
        if (employer) await setCaseEmployer(trx, caseId, employer.id);
      }
      let userId: string | null = null;
      if (email) {
        userId = await createUser(
          trx,
          context,
          { email, displayName: `${given} ${surname}`, role: 'applicant', password: world.password, organizationId: null, personId, locale: 'tg' },
          passwordHash,
        );
        world.accounts.push({ email, role: 'applicant', organization: null, note: ACCOUNT_NOTES[email] ?? '' });
      }
      world.applicants.push({ personId, userId, email, caseId, status, gender });
    }
  }
}

/** Days ago of the k-th step counted back from the latest: arrivals 10 days ago, so deadlines are running. */
function stepDaysAgo(status: CaseStatus, stepsFromLast: number): number {
  const latest = status === 'arrived' ? 10 : status === 'departed' ? 1 : status === 'employed' || status === 'completed' || status === 'returned' ? 40 : 3;
  return latest + stepsFromLast * 6;
}
