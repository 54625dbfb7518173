/**
 * The list in force, indexed in memory once per version and process: single-person screening then takes a
 * few dozen key look-ups (well under a millisecond), and a whole-pool rescreen reuses the same index.
 */
import type { Queryable } from '../../platform/database/database';
import { entryRecord, ListIndex } from './matching';
import './screening.tables';

export interface LoadedList {
  readonly versionId: string;
  readonly version: number;
  readonly index: ListIndex;
  /** The entry's content hash by entry id, to recognize an unchanged entry in a later version. */
  readonly fingerprints: ReadonlyMap<string, string>;
  readonly listIds: ReadonlyMap<string, string>;
}

let cached: LoadedList | undefined;
let loading: Promise<LoadedList | undefined> | undefined;

export function entryFingerprint(entry: { name: string; birth_date: string; gender: string | null; passport_number: string | null }): string {
  return [entry.name.trim().toLowerCase(), entry.birth_date, entry.gender ?? '', entry.passport_number ?? ''].join('|');
}

export async function findCurrentVersion(db: Queryable) {
  return db.selectFrom('watchlist_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

async function load(db: Queryable, versionId: string, version: number): Promise<LoadedList> {
  const index = new ListIndex();
  const fingerprints = new Map<string, string>();
  const listIds = new Map<string, string>();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('watchlist_entries')
      .selectAll()
      .where('version_id', '=', versionId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(20_000)
      .execute();
    for (const row of rows) {
      const id = String(row.id);
      const gender = row.gender === 'M' || row.gender === 'F' ? row.gender : null;
      index.add({ id, ...entryRecord({ name: row.name, birthDate: row.birth_date, gender, passportNumber: row.passport_number }) });
      fingerprints.set(id, entryFingerprint(row));
      listIds.set(id, row.list_id);
    }
    if (rows.length < 20_000) break;
    after = rows[rows.length - 1]?.id ?? after;
  }
  return { versionId, version, index: index.build(), fingerprints, listIds };
}

/** The indexed list in force, or undefined when no list was ever imported. */
export async function getCurrentList(db: Queryable): Promise<LoadedList | undefined> {
  const current = await findCurrentVersion(db);
  if (!current) return undefined;
  if (cached?.versionId === current.id) return cached;
  // One load at a time per process; a request that finds a newer version waits for it.
  loading ??= load(db, current.id, current.version).finally(() => {
    loading = undefined;
  });
  const loaded = await loading;
  if (loaded && loaded.versionId === current.id) cached = loaded;
  return loaded?.versionId === current.id ? loaded : load(db, current.id, current.version);
}

/** Forget the cached index (tests; a new version replaces it by itself). */
export function resetListCache(): void {
  cached = undefined;
}
