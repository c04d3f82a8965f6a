import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { readSettings } from '../../infra/settings.ts';

const settingsFrom = (context: Record<string, string>) => readSettings(new App({ context: { ...cdkJson.context, ...context } }).node);

describe('Settings: the CDK context', () => {
  it("reads cdk.json's defaults: the domain, its sender, the staff list, no alarm email", () => {
    const settings = settingsFrom({});

    expect(settings).toMatchObject({
      region: 'eu-west-1',
      domainName: 'crossover.example.org',
      senderAddress: 'noreply@crossover.example.org',
      senderDomain: 'crossover.example.org',
      siteUrl: 'https://crossover.example.org',
      staffEmails: ['staff@crossover.example.org'],
    });
    expect(settings.alarmEmail).toBeUndefined();
    expect(settings.certificateArn).toBeUndefined();
  });

  it('splits the staff list on commas', () => {
    expect(settingsFrom({ 'crossover:staffEmails': 'a@mra.nl, b@mra.nl' }).staffEmails).toEqual(['a@mra.nl', 'b@mra.nl']);
  });

  it('takes the SES identity from the sender address and email links from the site URL when no domain is set', () => {
    const settings = settingsFrom({
      'crossover:domainName': '',
      'crossover:senderAddress': 'noreply@mail.mra.nl',
      'crossover:siteUrl': 'https://d111111abcdef8.cloudfront.net/',
    });

    expect(settings.domainName).toBeUndefined();
    expect(settings.senderDomain).toBe('mail.mra.nl');
    expect(settings.siteUrl).toBe('https://d111111abcdef8.cloudfront.net');
  });

  it('refuses to guess where email links point when neither a domain nor a site URL is set', () => {
    expect(() => settingsFrom({ 'crossover:domainName': '', 'crossover:senderAddress': 'noreply@mail.mra.nl' })).toThrow(/crossover:siteUrl/);
  });

  it('refuses malformed values, naming the context key', () => {
    expect(() => settingsFrom({ 'crossover:staffEmails': 'not-an-email' })).toThrow(/crossover:staffEmails/);
    expect(() => settingsFrom({ 'crossover:certificateArn': 'arn:aws:acm:eu-west-1:1:certificate/x' })).toThrow(/crossover:certificateArn/);
  });

  it('needs a domain or a sender address to send mail from', () => {
    expect(() => settingsFrom({ 'crossover:domainName': '', 'crossover:senderAddress': '' })).toThrow(/senderAddress/);
  });
});
