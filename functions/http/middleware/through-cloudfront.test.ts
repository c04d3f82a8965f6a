import type { Request } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { originHeader } from '../origin-header.ts';
import { HttpProblem } from '../problem.ts';
import { throughCloudFrontOnly } from './through-cloudfront.ts';

const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:CrossoverOriginSecret-AbCdEf';
const secret = 'kZ8m3Qp7Xv2Lw9Rt4Yh6Nc1Bd5Fg0Js8';
const request = (headers: Record<string, string>) => ({ event: { headers } as unknown as APIGatewayProxyEventV2 }) as Request<APIGatewayProxyEventV2>;

describe('Middleware: throughCloudFrontOnly', () => {
  const inAws = throughCloudFrontOnly(
    () => ({ ORIGIN_SECRET_ARN: secretArn }),
    async (arn) => (arn === secretArn ? secret : 'some other secret'),
  );

  it('lets a request through that carries the origin secret CloudFront adds', async () => {
    await expect(inAws.before!(request({ [originHeader]: secret }))).resolves.toBeUndefined();
  });

  it.each([
    ['without the header (straight to the execute-api endpoint)', {}],
    ['with a wrong secret', { [originHeader]: 'kZ8m3Qp7Xv2Lw9Rt4Yh6Nc1Bd5Fg0Js9' }],
    ['with a prefix of the secret', { [originHeader]: secret.slice(0, 10) }],
  ])('refuses a request %s with 403', async (_, headers) => {
    const refused = await inAws.before!(request(headers)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpProblem);
    expect(refused).toMatchObject({ status: 403 });
  });

  it('checks nothing where no origin secret is configured (locally, where there is no CloudFront)', async () => {
    const local = throughCloudFrontOnly(
      () => ({}),
      () => Promise.reject(new Error('no secret should be read')),
    );
    await expect(local.before!(request({}))).resolves.toBeUndefined();
  });
});
