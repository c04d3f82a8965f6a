import { startChildService, withNodeLifeline, type ChildService } from '#functions/local/child-service.ts';
import { findFreePorts } from '#functions/local/tcp-ports.ts';

export interface ApiServerProcess {
  url: string;
  service: ChildService;
}

/** Starts bench/api-server.ts on a free loopback port with this environment (plus `overrides`); resolves once it answers. */
export async function startApiServer(name: string, overrides: Record<string, string> = {}): Promise<ApiServerProcess> {
  const [port = 0] = await findFreePorts(1);
  const url = `http://127.0.0.1:${port}`;
  // The child takes this process's environment when it is spawned, which is at once; ours is put back after.
  const saved = Object.fromEntries(Object.keys(overrides).map((key) => [key, process.env[key]]));
  Object.assign(process.env, overrides);
  const starting = startChildService({
    name,
    command: process.execPath,
    args: withNodeLifeline([new URL('./api-server.ts', import.meta.url).pathname, String(port)]),
    isReady: async () => (await fetch(`${url}/api/health`)).status < 500,
  });
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const service = await starting;
  return { url, service };
}
