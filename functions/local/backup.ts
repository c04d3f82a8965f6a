import { resolve } from 'node:path';
import { localDataDirectory, withLocalTable } from './local-table.ts';
import { localLog } from './log.ts';
import { backupTable } from './table-backup.ts';

/** `npm run backup [file]`: the local table to a file, by default .data/backups/<time>.jsonl. */
const log = localLog('backup');
const [file = resolve(localDataDirectory, 'backups', `${new Date().toISOString().replaceAll(':', '-')}.jsonl`), ...rest] = process.argv.slice(2);

if (rest.length > 0) {
  log.error('Usage: npm run backup [file]');
  process.exit(2);
}
try {
  const count = await withLocalTable((client, tableName) => backupTable(client, tableName, resolve(file)));
  log.info(`Wrote ${count} items to ${resolve(file)}`);
} catch (error) {
  log.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
