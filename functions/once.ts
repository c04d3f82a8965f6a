/** A value built at its first use and kept, so a cold start builds only what its request needs. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/** An object each of whose properties is built at its first read and kept. */
export function lazily<T extends object>(builders: { [K in keyof T]: () => T[K] }): Readonly<T> {
  const parts = {} as T;
  for (const [name, build] of Object.entries(builders) as [string, () => unknown][]) Object.defineProperty(parts, name, { get: once(build), enumerable: true });
  return parts;
}
