import { resolve } from 'node:path';
import { withLocalTable } from './local-table.ts';
import { localLog } from './log.ts';
import { restoreTable } from './table-backup.ts';

/** `npm run restore <file> [--into-non-empty]`: a file written by `npm run backup` back into the local table. */
const log = localLog('restore');
const args = process.argv.slice(2);
const intoNonEmpty = args.includes('--into-non-empty');
const files = args.filter((arg) => arg !== '--into-non-empty');

if (files.length !== 1 || files[0]?.startsWith('-')) {
  log.error('Usage: npm run restore <file> [--into-non-empty]');
  process.exit(2);
}
try {
  const file = resolve(files[0] ?? '');
  const count = await withLocalTable((client, tableName) => restoreTable(client, tableName, file, { intoNonEmpty }));
  log.info(`Restored ${count} items from ${file}`);
} catch (error) {
  log.error(`The restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
