import { readFileSync } from 'node:fs';

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Minified bytes per package (or per own source folder) of a bundle, read from its source map:
 * each mapping segment's generated span is counted to the source it came from. The same answer as
 * esbuild's metafile, from the very file CDK built (which carries no metafile).
 */
export function bytesByModule(bundleFile: string): { module: string; bytes: number }[] {
  const map = JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines = readFileSync(bundleFile, 'utf8').split('\n');
  const totals = new Map<string, number>();
  let source = 0;
  for (const [lineIndex, line] of map.mappings.split(';').entries()) {
    const segments = line ? line.split(',').map(decodeVlq) : [];
    let column = 0;
    const starts: { column: number; source: number }[] = [];
    for (const segment of segments) {
      column += segment[0] ?? 0;
      if (segment.length > 1) source += segment[1] ?? 0;
      starts.push({ column, source });
    }
    const length = lines[lineIndex]?.length ?? 0;
    for (const [index, start] of starts.entries()) {
      const module = moduleOf(map.sources[start.source] ?? 'unknown');
      totals.set(module, (totals.get(module) ?? 0) + (starts[index + 1]?.column ?? length) - start.column);
    }
  }
  return [...totals].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** `node_modules/zod/v4/locales/de.js` → `zod/v4/locales`; own code by its folder, e.g. `functions/mail`. */
function moduleOf(source: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/.*)?\/[^/]+$/.exec(source);
  if (inPackage) {
    const [, name, folder = ''] = inPackage;
    return name === 'zod' && folder.includes('locales') ? 'zod (locales)' : name!;
  }
  const own = /(?:^|\/)((?:functions|shared)\/[^/]+)/.exec(source);
  return own ? own[1]! : source;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const character of segment) {
    const digit = base64.indexOf(character);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
