import { describe, expect, it } from 'vitest';
import { lazily } from './once.ts';

describe('Function: lazily', () => {
  it('builds each part at its first read, once, and never a part nobody reads', () => {
    // Prepare
    const built: string[] = [];
    const parts = lazily({
      table: () => built.push('table'),
      mailer: () => built.push('mailer'),
    });

    // Act
    const first = parts.table;
    const again = parts.table;

    // Assess
    expect(built).toEqual(['table']);
    expect(again).toBe(first);
  });
});
