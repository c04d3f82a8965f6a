import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { startChildService, type ChildService } from './child-service.ts';
import { localClientConfig } from './local-aws.ts';

export interface DynamoDbLocal {
  endpoint: string;
  service: ChildService;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** A directory keeps the data across restarts (`npm start`); `memory` starts empty every time (tests). */
  storage: { directory: string } | 'memory';
}

/** Fails with the remedy when there is no Java to run DynamoDB Local with. */
export function assertJavaInstalled(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('DynamoDB Local needs Java, and `java` was not found on the PATH. ' + 'Install a JRE 17 or newer, e.g. `apt-get install -y openjdk-17-jre-headless`.');
  }
}

/**
 * Starts DynamoDB Local (the jar shipped in amplify-dynamodb-simulator) on 127.0.0.1 and resolves once it answers.
 * `-sharedDb` makes one database for every region and credential, so no client can land in an empty one.
 */
export async function startDynamoDbLocal({ port, storage }: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const emulator = join(dirname(createRequire(import.meta.url).resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
  const storageArgs = storage === 'memory' ? ['-inMemory'] : ['-dbPath', resolve(storage.directory)];
  // It writes a metadata file into its working directory; keep that beside the data, not in the repo.
  const cwd = storage === 'memory' ? tmpdir() : resolve(storage.directory);
  mkdirSync(cwd, { recursive: true });

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ ...localClientConfig(endpoint), maxAttempts: 1 });
  try {
    const service = await startChildService({
      name: 'DynamoDB Local',
      command: 'java',
      args: [
        // The quick JIT tier and the simple collector start the JVM in about half the time; a local database needs no more.
        '-XX:TieredStopAtLevel=1',
        '-XX:+UseSerialGC',
        `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`,
        '-cp',
        [join(emulator, 'DynamoDBLocal.jar'), join(emulator, 'DynamoDBLocal_lib', '*')].join(delimiter),
        // The jar has no host option; this source file runs it on loopback only (and ends it with us).
        join(import.meta.dirname, 'dynamodb-local-loopback.java'),
        '-port',
        String(port),
        ...storageArgs,
        '-sharedDb',
        '-disableTelemetry',
      ],
      cwd,
      isReady: async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      },
    });
    return { endpoint, service };
  } finally {
    client.destroy();
  }
}
