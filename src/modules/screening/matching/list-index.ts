/**
 * An in-memory index of a watch list for screening: entries prepared once, their blocking keys in a hash
 * table of typed arrays (no per-key objects), so a person is screened by looking up a few dozen keys and
 * comparing only the entries found.
 */
import { dateNumber, forEachDateKey, forEachKey } from './blocking';
import { compareRecords, type MatchRecord, type Verdict } from './compare';
import { DEFAULT_POLICY, type ScreeningPolicy } from './policy';

export interface IndexedEntry extends MatchRecord {
  readonly id: string;
}

export interface Hit {
  readonly entry: IndexedEntry;
  readonly verdict: Verdict;
}

/** Years a person of unknown birth date is looked up under. */
const ANY_YEAR_FROM = 1900;
const ANY_YEAR_TO = 2030;

function forEachRecordKey(record: MatchRecord, year: number, emit: (key: number) => void): void {
  for (const name of record.names) forEachKey(name, year, emit);
}

/** Single-part keys for the record's full birth date, and (when `swapped` and it can be) for day and month swapped. */
function forEachRecordDateKey(record: MatchRecord, swapped: boolean, emit: (key: number) => void): void {
  const { year, month, day } = record.birth;
  const dates = [dateNumber(year, month, day)];
  if (swapped && day !== month && day <= 12) dates.push(dateNumber(year, day, month));
  for (const date of dates) for (const name of record.names) forEachDateKey(name, date, emit);
}

class GrowableUint32 {
  data = new Uint32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    this.length += 1;
  }
}

export class ListIndex {
  readonly entries: IndexedEntry[] = [];
  private keys = new GrowableUint32();
  private owners = new GrowableUint32();
  private bucketStart = new Uint32Array(1);
  private postingKeys = new Uint32Array(0);
  private postingOwners = new Uint32Array(0);
  private mask = 0;
  private seen = new Int32Array(0);
  private serial = 0;
  private built = false;

  constructor(private readonly policy: ScreeningPolicy = DEFAULT_POLICY) {}

  get size(): number {
    return this.entries.length;
  }

  add(entry: IndexedEntry): void {
    if (this.built) throw new Error('the index is built already');
    const owner = this.entries.length;
    this.entries.push(entry);
    const push = (key: number) => {
      this.keys.push(key);
      this.owners.push(owner);
    };
    forEachRecordKey(entry, entry.birth.year, push);
    forEachRecordDateKey(entry, false, push);
  }

  /** Sort the keys into buckets (counting sort), after which the index answers queries. */
  build(): this {
    const n = this.keys.length;
    let buckets = 1 << 10;
    while (buckets < n && buckets < 1 << 26) buckets <<= 1;
    this.mask = buckets - 1;
    const start = new Uint32Array(buckets + 1);
    const keys = this.keys.data;
    for (let i = 0; i < n; i += 1) {
      const slot = ((keys[i] as number) & this.mask) + 1;
      start[slot] = (start[slot] as number) + 1;
    }
    for (let b = 0; b < buckets; b += 1) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
    const cursor = start.slice(0, buckets);
    const postingKeys = new Uint32Array(n);
    const postingOwners = new Uint32Array(n);
    for (let i = 0; i < n; i += 1) {
      const key = keys[i] as number;
      const at = cursor[key & this.mask] as number;
      cursor[key & this.mask] = at + 1;
      postingKeys[at] = key;
      postingOwners[at] = this.owners.data[i] as number;
    }
    this.bucketStart = start;
    this.postingKeys = postingKeys;
    this.postingOwners = postingOwners;
    this.keys = new GrowableUint32();
    this.owners = new GrowableUint32();
    this.seen = new Int32Array(this.entries.length);
    this.built = true;
    return this;
  }

  get keyCount(): number {
    return this.postingKeys.length;
  }

  /** Entries sharing a key with the record (each once). */
  candidates(record: MatchRecord): number[] {
    if (!this.built) throw new Error('build the index first');
    this.serial += 1;
    if (this.serial === 0x7fffffff) {
      this.seen.fill(0);
      this.serial = 1;
    }
    const found: number[] = [];
    const visit = (key: number) => {
      const bucket = key & this.mask;
      const end = this.bucketStart[bucket + 1] as number;
      for (let p = this.bucketStart[bucket] as number; p < end; p += 1) {
        if (this.postingKeys[p] !== key) continue;
        const owner = this.postingOwners[p] as number;
        if (this.seen[owner] !== this.serial) {
          this.seen[owner] = this.serial;
          found.push(owner);
        }
      }
    };
    if (record.birth.year === 0) {
      for (let year = ANY_YEAR_FROM; year <= ANY_YEAR_TO; year += 1) forEachRecordKey(record, year, visit);
    } else {
      forEachRecordKey(record, record.birth.year, visit);
    }
    forEachRecordKey(record, 0, visit);
    forEachRecordDateKey(record, true, visit);
    return found;
  }

  /** Screen one record: every entry that is a `match` or a `review`, best first; `compared` counts pairs scored. */
  screen(record: MatchRecord): { hits: Hit[]; compared: number } {
    const candidates = this.candidates(record);
    const hits: Hit[] = [];
    for (const owner of candidates) {
      const entry = this.entries[owner] as IndexedEntry;
      const verdict = compareRecords(record, entry, this.policy);
      if (verdict.decision) hits.push({ entry, verdict });
    }
    hits.sort((a, b) => b.verdict.score - a.verdict.score);
    return { hits, compared: candidates.length };
  }
}
