import { styleText } from 'node:util';

/** The local stack's own console lines, tagged by the part that speaks, e.g. `[dynamodb] ready`. */
export interface LocalLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

const tagWidth = 8;

export function localLog(tag: string): LocalLog {
  const prefix = styled('dim', `[${tag}]`.padEnd(tagWidth + 2));
  return {
    info: (message) => console.log(`${prefix} ${message}`),
    warn: (message) => console.warn(`${prefix} ${styled('yellow', message)}`),
    error: (message, cause) => {
      console.error(`${prefix} ${styled('red', message)}`);
      if (cause !== undefined) console.error(cause);
    },
  };
}

/** Colours only on a terminal, so piped logs and CI output stay plain. */
function styled(format: 'dim' | 'yellow' | 'red', text: string): string {
  return process.stdout.isTTY ? styleText(format, text) : text;
}
