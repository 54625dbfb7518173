/**
 * A synthetic evaluation set for screening: a population (PEOPLE.csv), a watch list (LIST.csv) and the true
 * pairs (TRUTH.csv), from Tajik name stock. True list entries are the same people written another way: in
 * Russian or Tajik Cyrillic, in the Latin of Tajik passports, ICAO 9303 or GOST 7.79 B, with surname endings
 * changed (-ов, -зода, -ӣ, none), the patronymic dropped, the order swapped, a typo or a doubled letter, and
 * the birth date full, day/month swapped, partial or missing. Hard negatives: namesakes of listed people,
 * born on another date, are in the population too.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { TABLES, tajikToIcaoLatin, toMrzLatin, transliterate } from '../../people';
import { toCsvLine } from '../batch/csv';
import { EXTRA_SURNAME_STEMS, FEMALE_NAMES, MALE_NAMES } from './tajik-name-stock';

export interface GenerateOptions {
  readonly people: number;
  readonly list: number;
  readonly outDir: string;
  readonly seed?: number;
  /** Share of the population that is on the list (the true pairs). */
  readonly listedShare?: number;
  /** Namesakes (same name, other birth date) per listed person, on average. */
  readonly namesakesPerListed?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface GeneratedSet {
  readonly peoplePath: string;
  readonly listPath: string;
  readonly truthPath: string;
  readonly truePairs: number;
  readonly namesakes: number;
}

function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    /** Zipf-like pick: earlier items are more common (exponent 0.6 over a shuffled stock). */
    zipf: <T>(items: readonly T[]): T => items[Math.min(items.length - 1, Math.floor(items.length * next() ** 1.6))] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof createRandom>;

type Ending = 'ov' | 'zoda' | 'i' | 'none';

interface Identity {
  readonly stem: string;
  readonly ending: Ending;
  readonly given: string;
  readonly father: string;
  readonly gender: 'M' | 'F';
  readonly birth: string;
}

const VOWEL_END = /[аоуиӯӣеэ]$/;

/** A Tajik surname from a stem and an ending, in the gender of its bearer. */
export function tajikSurname(stem: string, ending: Ending, gender: 'M' | 'F'): string {
  const base = stem.replace(/ӣ$/, 'и');
  switch (ending) {
    case 'ov': {
      const male = VOWEL_END.test(base) ? `${base}ев` : `${base}ов`;
      return gender === 'F' ? `${male}а` : male;
    }
    case 'zoda':
      return `${stem}зода`;
    case 'i':
      return VOWEL_END.test(stem) ? stem : `${stem}ӣ`;
    case 'none':
      return stem;
  }
}

function patronymic(father: string, gender: 'M' | 'F'): string {
  const base = father.replace(/ӣ$/, 'и');
  return `${base}${VOWEL_END.test(base) ? 'е' : 'о'}${gender === 'F' ? 'вна' : 'вич'}`;
}

const STEMS = [...MALE_NAMES, ...EXTRA_SURNAME_STEMS];

function isoDate(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function newIdentity(random: Random): Identity {
  const gender = random.chance(0.25) ? 'F' : 'M';
  const r = random.next();
  const ending: Ending = r < 0.55 ? 'ov' : r < 0.8 ? 'zoda' : r < 0.88 ? 'i' : 'none';
  return {
    stem: random.zipf(STEMS),
    ending,
    given: gender === 'F' ? random.zipf(FEMALE_NAMES) : random.zipf(MALE_NAMES),
    father: random.zipf(MALE_NAMES),
    gender,
    birth: isoDate(random, 1965, 2006),
  };
}

type System = 'tajik' | 'russian' | 'national' | 'icao' | 'gost';

function render(text: string, system: System): string {
  switch (system) {
    case 'tajik':
      return text;
    case 'russian':
      return transliterate(text, TABLES.tajikToRussian);
    case 'national':
      return toMrzLatin(text);
    case 'icao':
      return tajikToIcaoLatin(text);
    case 'gost':
      return transliterate(transliterate(text, TABLES.tajikToRussian), TABLES.gost779b);
  }
}

const LATIN = 'abdefghijklmnoprstuvyz';
const CYRILLIC = 'абвгдежзиклмнопрстуфхчшя';

/** One edit or a doubled letter in a word. */
function typo(word: string, random: Random): string {
  if (word.length < 3) return word;
  const alphabet = /[\u0400-\u04ff]/.test(word) ? CYRILLIC : LATIN;
  const upper = word === word.toUpperCase();
  const letter = () => {
    const c = random.pick([...alphabet]);
    return upper ? c.toUpperCase() : c;
  };
  const i = random.int(1, word.length - 2);
  switch (random.int(0, 4)) {
    case 0:
      return word.slice(0, i) + letter() + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letter() + word.slice(i);
    case 3:
      return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    default:
      return word.slice(0, i) + word.charAt(i) + word.slice(i);
  }
}

function otherEnding(ending: Ending, random: Random): Ending {
  const options = (['ov', 'zoda', 'i', 'none'] as const).filter((e) => e !== ending);
  return random.pick(options);
}

/** The birth date as the list has it: full, swapped, partial, missing or with a wrong day. */
function listBirthDate(birth: string, random: Random): string {
  const [y, m, d] = birth.split('-') as [string, string, string];
  const r = random.next();
  if (r < 0.55) return birth;
  if (r < 0.65) return Number(d) <= 12 ? `${y}-${d}-${m}` : birth;
  if (r < 0.75) return `${y}-${m}`;
  if (r < 0.9) return y;
  if (r < 0.95) return '';
  const day = Number(d) >= 28 ? Number(d) - 1 : Number(d) + 1;
  return `${y}-${m}-${String(day).padStart(2, '0')}`;
}

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** A list entry for an identity: another system, maybe another ending, order, a typo, a partial date. */
function listEntry(identity: Identity, random: Random, truePair: boolean): { name: string; birthDate: string } {
  const ending = truePair && random.chance(0.15) ? otherEnding(identity.ending, random) : identity.ending;
  const system = random.pick<System>(['russian', 'russian', 'icao', 'icao', 'national', 'national', 'tajik', 'gost']);
  const words = [render(tajikSurname(identity.stem, ending, identity.gender), system), render(identity.given, system)];
  if (random.chance(0.5)) words.push(render(patronymic(identity.father, identity.gender), system));
  if (truePair && random.chance(0.2)) {
    const k = random.int(0, 1);
    words[k] = typo(words[k] as string, random);
  }
  if (random.chance(0.35)) [words[0], words[1]] = [words[1] as string, words[0] as string];
  const name = random.chance(0.5) ? words.join(' ').toUpperCase() : titleCase(words.join(' '));
  return { name, birthDate: truePair ? listBirthDate(identity.birth, random) : identity.birth };
}

function personColumns(id: string, identity: Identity, random: Random): (string | number)[] {
  const surname = tajikSurname(identity.stem, identity.ending, identity.gender);
  const father = patronymic(identity.father, identity.gender);
  const cyrillic = random.chance(0.8) ? `${surname} ${identity.given} ${father}` : '';
  return [id, toMrzLatin(surname), toMrzLatin(identity.given), identity.birth, toMrzLatin(father), cyrillic, identity.gender, ''];
}

class LineWriter {
  private buffer: string[] = [];
  constructor(private readonly stream: WriteStream) {}
  async write(line: string): Promise<void> {
    this.buffer.push(line);
    if (this.buffer.length >= 5000) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

const pad = (prefix: string, n: number) => `${prefix}${String(n).padStart(7, '0')}`;

export async function generateEvaluationSet(options: GenerateOptions): Promise<GeneratedSet> {
  const random = createRandom(options.seed ?? 20261128);
  const listed = Math.min(options.list, Math.round(options.people * (options.listedShare ?? 0.03)));
  const namesakeTarget = Math.min(options.people - listed, Math.round(listed * (options.namesakesPerListed ?? 0.6)));
  mkdirSync(options.outDir, { recursive: true });
  const paths = { peoplePath: join(options.outDir, 'people.csv'), listPath: join(options.outDir, 'list.csv'), truthPath: join(options.outDir, 'truth.csv') };
  const people = new LineWriter(createWriteStream(paths.peoplePath));
  const list = new LineWriter(createWriteStream(paths.listPath));
  const truth = new LineWriter(createWriteStream(paths.truthPath));
  await people.write('id,surname,given_names,birth_date,patronymic,name_cyrillic,gender,passport_number');
  await list.write('id,name,birth_date,gender,passport_number,nationality');
  await truth.write('person_id,list_id');

  // Person ids and list ids are assigned in a shuffled order so that neither file's order gives pairs away.
  const personOrder = shuffledIds(options.people, random);
  const listOrder = shuffledIds(options.list, random);
  let personIndex = 0;
  let listIndex = 0;
  let namesakes = 0;
  const total = options.people + options.list;
  const progress = () => options.onProgress?.(personIndex + listIndex, total);

  for (let k = 0; k < listed; k += 1) {
    const identity = newIdentity(random);
    const personId = pad('P', personOrder[personIndex++] as number);
    const listId = pad('L', listOrder[listIndex++] as number);
    await people.write(toCsvLine(personColumns(personId, identity, random)));
    const entry = listEntry(identity, random, true);
    await list.write(toCsvLine([listId, entry.name, entry.birthDate, random.chance(0.5) ? identity.gender : '', '', random.chance(0.5) ? 'TJK' : '']));
    await truth.write(`${personId},${listId}`);
    // Namesakes: the same name, born on another date (another year).
    while (namesakes < namesakeTarget && random.chance((options.namesakesPerListed ?? 0.6) / 2)) {
      const birth = isoDate(random, 1965, 2006);
      if (birth.slice(0, 4) === identity.birth.slice(0, 4)) continue;
      await people.write(toCsvLine(personColumns(pad('P', personOrder[personIndex++] as number), { ...identity, birth }, random)));
      namesakes += 1;
    }
    if (k % 10_000 === 0) progress();
  }
  while (personIndex < options.people) {
    await people.write(toCsvLine(personColumns(pad('P', personOrder[personIndex++] as number), newIdentity(random), random)));
    if (personIndex % 50_000 === 0) progress();
  }
  while (listIndex < options.list) {
    const identity = newIdentity(random);
    const entry = listEntry(identity, random, false);
    // Most entries of the register carry a full birth date; a few only the year or none.
    const r = random.next();
    const birthDate = r < 0.04 ? identity.birth.slice(0, 4) : r < 0.05 ? '' : entry.birthDate;
    await list.write(toCsvLine([pad('L', listOrder[listIndex++] as number), entry.name, birthDate, random.chance(0.5) ? identity.gender : '', '', '']));
    if (listIndex % 50_000 === 0) progress();
  }
  progress();
  await Promise.all([people.close(), list.close(), truth.close()]);
  return { ...paths, truePairs: listed, namesakes };
}

function shuffledIds(n: number, random: Random): Int32Array {
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i += 1) ids[i] = i + 1;
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    const t = ids[i] as number;
    ids[i] = ids[j] as number;
    ids[j] = t;
  }
  return ids;
}
