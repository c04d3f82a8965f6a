import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

const request = (sourceIp: string, forwardedFor?: string) => ({
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  requestContext: { http: { sourceIp } } as never,
});

describe('Function: clientAddress', () => {
  it('takes the connection source when the API is reached directly (locally)', () => {
    expect(clientAddress(request('192.0.2.7', '203.0.113.9, 192.0.2.7'), false)).toBe('192.0.2.7');
  });

  it('takes the viewer CloudFront appended, not the edge server API Gateway saw, behind CloudFront', () => {
    expect(clientAddress(request('198.51.100.1', '203.0.113.9, 198.51.100.1'), true)).toBe('203.0.113.9');
  });

  it('ignores addresses a client wrote into X-Forwarded-For itself, behind CloudFront', () => {
    expect(clientAddress(request('198.51.100.1', '10.0.0.1, 10.0.0.2, 203.0.113.9, 198.51.100.1'), true)).toBe('203.0.113.9');
  });

  it('falls back to the connection source when the header lacks the two hops', () => {
    expect(clientAddress(request('198.51.100.1', '198.51.100.1'), true)).toBe('198.51.100.1');
    expect(clientAddress(request('198.51.100.1'), true)).toBe('198.51.100.1');
  });
});
