import type { Health } from '#shared/health.ts';

export interface HealthPorts {
  /** Whether the table answers a read right now. */
  tableReachable(): Promise<boolean>;
  version: string;
  now(): Date;
}

/** Reports whether Crossover can serve: the API answers, and says whether its table does. */
export async function checkHealth(ports: HealthPorts): Promise<Health> {
  const reachable = await ports.tableReachable();
  return {
    status: reachable ? 'ok' : 'degraded',
    version: ports.version,
    table: { reachable },
    time: ports.now().toISOString(),
  };
}
