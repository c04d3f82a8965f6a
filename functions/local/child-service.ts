import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { localLog } from './log.ts';

/** A long-running helper process (DynamoDB Local, the SES stand-in) that the local stack owns. */
export interface ChildService {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves when the process has exited, whoever ended it. */
  readonly exited: Promise<void>;
  stop(): Promise<void>;
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

/** Starts the process and resolves once it answers; on failure, kills it and reports its last output. */
export async function startChildService(options: ChildServiceOptions): Promise<ChildService> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept quiet while healthy; shown when it fails to start, which is when it matters.
  const output: string[] = [];
  const echo = options.echoAs === undefined ? undefined : localLog(options.echoAs);
  const keep = (chunk: Buffer) => {
    const lines = chunk.toString('utf8').split('\n').filter((line) => line.trim() !== '');
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
  };

  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`${options.name} could not be started: ${spawnError.message}`);
    if (hasExited(child)) {
      throw new Error(
        `${options.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join('\n')}`,
      );
    }
    if (await options.isReady().catch(() => false)) return service;
    await sleep(100);
  }
  await service.stop();
  throw new Error(`${options.name} did not answer within ${timeoutMs} ms:\n${output.join('\n')}`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (hasExited(child) || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
  await exited;
  clearTimeout(timer);
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
