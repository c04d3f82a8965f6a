/** `{ [key]: value }` when there is a value, `{}` otherwise: views leave absent fields out rather than writing undefined. */
export const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
