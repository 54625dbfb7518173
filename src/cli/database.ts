import { loadConfig, type Config } from '../platform/config';
import { openDatabase, type DatabaseHandle } from '../platform/database/database';
import { migrate } from '../platform/database/migrate';
import '../platform/database/platform-tables';

/** Open the configured database, migrated, run `work`, and always close it. */
export async function withDatabase<T>(work: (handle: DatabaseHandle, config: Config) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase(config.database);
  try {
    if (options.migrate ?? true) await migrate(handle.db);
    return await work(handle, config);
  } finally {
    await handle.close();
  }
}
