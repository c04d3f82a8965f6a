import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How far the poller got in each shard of one stream: the last record handed over, or the shard done. */
export interface StreamCheckpoint {
  streamArn: string;
  shards: Record<string, { lastSequenceNumber?: string; finished?: boolean }>;
}

/** The saved checkpoint, or a fresh one when there is none or it belongs to another stream (table recreated). */
export function loadCheckpoint(file: string, streamArn: string): StreamCheckpoint {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as StreamCheckpoint;
    if (saved.streamArn === streamArn) return saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { streamArn, shards: {} };
}

/** Written whole and renamed into place, so a crash mid-write leaves the previous checkpoint. */
export function saveCheckpoint(file: string, checkpoint: StreamCheckpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint, null, 2));
  renameSync(`${file}.tmp`, file);
}
