import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('Function: parseConfig', () => {
  it('fails fast, naming the setting, when the table name is missing', () => {
    expect(() => parseConfig({})).toThrow(/TABLE_NAME/);
  });

  it('refuses an endpoint that is not a URL', () => {
    expect(() => parseConfig({ TABLE_NAME: 'crossover', DYNAMODB_ENDPOINT: 'localhost:8000' })).toThrow(/DYNAMODB_ENDPOINT/);
  });

  it('reads staff addresses as a trimmed lower-case list and fills defaults', () => {
    const config = parseConfig({ TABLE_NAME: 'crossover', STAFF_EMAILS: ' Anna@Cluster.nl, bram@cluster.nl ,' });

    expect(config.STAFF_EMAILS).toEqual(['anna@cluster.nl', 'bram@cluster.nl']);
    expect(config.SITE_URL).toBe('http://localhost:3000');
    expect(config.DYNAMODB_ENDPOINT).toBeUndefined();
  });
});
