import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { localLog } from './log.ts';

/** A long-running helper process (DynamoDB Local, the SES stand-in) that the local stack owns. */
export interface ChildService {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves when the process has exited, whoever ended it. */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
  /** Kills its whole process group at once, for the moment this process exits and cannot wait. */
  killNow(): void;
}

export interface ChildServiceOptions {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  /** Answers true once the service accepts requests; polled until then. */
  isReady: () => Promise<boolean>;
  startTimeoutMs?: number;
  /** Echo its output under this tag (the site's dev server); otherwise it is shown only if the start fails. */
  echoAs?: string;
}

const outputLinesKept = 40;
const stopGraceMs = 5_000;
// Something else on the port may take the connection and never answer; the probe must not wait on it.
const probeTimeoutMs = 2_000;

/**
 * Starts the process and resolves once it answers; on failure, kills it and reports its last output.
 * It runs in a process group of its own, so stopping it reaches whatever it started too, and it gets
 * a standard input that stays open until this process ends: the child exits when it closes (see
 * `withNodeLifeline` and dynamodb-local-loopback.java), so no child outlives its parent.
 */
export async function startChildService(options: ChildServiceOptions): Promise<ChildService> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  // Nothing is ever written; a child that exits first must not make the pipe's error ours.
  child.stdin?.on('error', () => undefined);
  // Kept quiet while healthy; shown when it fails to start, which is when it matters.
  const output: string[] = [];
  const echo = options.echoAs === undefined ? undefined : localLog(options.echoAs);
  const keep = (chunk: Buffer) => {
    const lines = chunk
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const line of lines) echo?.info(line);
    output.push(...lines);
    output.splice(0, Math.max(0, output.length - outputLinesKept));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });

  const service: ChildService = {
    name: options.name,
    process: child,
    exited,
    stop: () => stopChild(child, exited),
    killNow: () => signalGroup(child, 'SIGKILL'),
  };

  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`${options.name} could not be started: ${spawnError.message}`);
    if (hasExited(child)) {
      await service.stop();
      throw new Error(`${options.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join('\n')}`);
    }
    if (await answersWithin(options.isReady, probeTimeoutMs)) return service;
    await sleep(100);
  }
  await service.stop();
  throw new Error(`${options.name} did not answer within ${timeoutMs} ms:\n${output.join('\n')}`);
}

async function answersWithin(isReady: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const unanswered = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([isReady().catch(() => false), unanswered]);
  } finally {
    clearTimeout(timer);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined) return;
  if (!hasExited(child)) {
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), stopGraceMs);
    await exited;
    clearTimeout(timer);
  }
  // Whatever it started and left behind in its group goes with it.
  signalGroup(child, 'SIGKILL');
}

/** Signals the child's process group (its pid, as it leads the group it was started in with `detached`). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already empty.
  }
}

/** Node arguments that load TypeScript and exit-with-parent.ts before `args` (a script and its arguments). */
export function withNodeLifeline(args: string[]): string[] {
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href, '--import', new URL('./exit-with-parent.ts', import.meta.url).href, ...args];
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Runs a command to completion with its output shown, e.g. the site build; rejects on a non-zero exit. */
export async function runCommand(command: string, args: string[], cwd: string): Promise<void> {
  const child = spawn(command, args, { cwd, stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed with exit code ${code}`);
}
