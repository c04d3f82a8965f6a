import { readdirSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
}

/** Every process on this machine with its parent and process group, read from Linux's /proc. */
function processTable(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name in parentheses may hold spaces; after it come state, parent and group.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      entries.push({ pid: Number(name), ppid: Number(ppid), pgid: Number(pgid) });
    } catch {
      // It ended while we looked.
    }
  }
  return entries;
}

/** The ids of the processes `pid` started that still run. */
export function childrenOf(pid: number): number[] {
  return processTable()
    .filter((entry) => entry.ppid === pid)
    .map((entry) => entry.pid);
}

/** The ids of the processes still running in any of these processes' groups, or as one of them. */
export function survivorsOf(pids: number[]): number[] {
  return processTable()
    .filter((entry) => pids.includes(entry.pid) || pids.includes(entry.pgid))
    .map((entry) => entry.pid);
}

/** Waits until none of these processes (nor their groups) runs, up to a generous bound; returns those left. */
export async function waitUntilGone(pids: number[], boundMs = 30_000): Promise<number[]> {
  const deadline = Date.now() + boundMs;
  let left = survivorsOf(pids);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(100);
    left = survivorsOf(pids);
  }
  return left;
}

/** This machine's first IPv4 address that is not loopback, if it has one. */
export function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
}

/** Whether a TCP connection to host:port is accepted. */
export function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (accepted: boolean) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.setTimeout(5_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}
