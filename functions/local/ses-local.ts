import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startChildService, withNodeLifeline, type ChildService } from './child-service.ts';

export interface SesLocal {
  /** Both the SES API endpoint and, in a browser, the inbox of every email sent. */
  endpoint: string;
  service: ChildService;
}

/**
 * Starts aws-ses-v2-local (SES v1 and v2 API; keeps the sent emails in memory, readable at
 * `GET /store`) on loopback only, and resolves once it answers.
 */
export async function startSesLocal({ port }: { port: number }): Promise<SesLocal> {
  const packageJsonPath = createRequire(import.meta.url).resolve('aws-ses-v2-local/package.json');
  const { bin } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { bin: Record<string, string> };
  const cli = bin['aws-ses-v2-local'];
  if (!cli) throw new Error('aws-ses-v2-local ships no `aws-ses-v2-local` command');

  const endpoint = `http://127.0.0.1:${port}`;
  const service = await startChildService({
    name: 'SES local',
    command: process.execPath,
    args: withNodeLifeline([join(dirname(packageJsonPath), cli), '--host', '127.0.0.1', '--port', String(port)]),
    isReady: async () => (await fetch(`${endpoint}/store`)).ok,
  });
  return { endpoint, service };
}
