import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
/** Where the package's subpath imports point (package.json `imports`). */
const subpaths: Record<string, string> = { '#functions/': 'functions/', '#shared/': 'shared/' };

const sourcesIn = (folder: string): string[] =>
  readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(folder, file));

/** The project files this one imports (statically, with `import type` too; packages left out). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, false);
  return importedFiles.flatMap(({ fileName }) => {
    const subpath = Object.keys(subpaths).find((prefix) => fileName.startsWith(prefix));
    if (subpath) return [subpaths[subpath] + fileName.slice(subpath.length)];
    return fileName.startsWith('.') ? [relative(root, resolve(root, dirname(file), fileName))] : [];
  });
}

/** Every import circle, each once, as the files around it. */
function importCircles(files: string[]): string[][] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const circles: string[][] = [];
  const done = new Set<string>();
  const walk = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) return void circles.push(path.slice(at));
    if (done.has(file) || !graph.has(file)) return;
    for (const next of graph.get(file)!) walk(next, [...path, file]);
    done.add(file);
  };
  for (const file of files) walk(file, []);
  return circles;
}

describe('Source: functions and shared', () => {
  it('import one another without circles, so dependencies point one way', () => {
    // Prepare
    const files = [...sourcesIn('functions'), ...sourcesIn('shared')];

    // Act
    const circles = importCircles(files);

    // Assess
    expect(circles.map((circle) => circle.join(' → '))).toEqual([]);
  });
});
