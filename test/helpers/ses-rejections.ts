import { interceptingProxy } from './intercepting-proxy.ts';

const sesError = (code: string, message: string) => ({
  status: 400,
  contentType: 'text/xml',
  body: `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>test</RequestId></ErrorResponse>`,
});

/**
 * The SES stand-in accepts every address. This stands between Crossover and it, passes every
 * request through, and answers a raw email as SES does when it refuses the address
 * (`MessageRejected`), when the account may not send at all (`AccountSendingPausedException`) or
 * when it sends faster than its rate (`Throttling`),
 * so a test can see what either does to an event.
 */
export async function sesRejections(sesEndpoint: string) {
  const refused = new Set<string>();
  let paused = false;
  let throttled = { coming: 0, answered: 0 };
  const proxy = await interceptingProxy(sesEndpoint, (_, body) => {
    const form = new URLSearchParams(body.toString());
    if (form.get('Action') !== 'SendRawEmail') return undefined;
    if (paused) return sesError('AccountSendingPausedException', 'Email sending is disabled for your entire Amazon SES account.');
    if (throttled.coming > 0) {
      throttled = { coming: throttled.coming - 1, answered: throttled.answered + 1 };
      return sesError('Throttling', 'Maximum sending rate exceeded.');
    }
    const raw = Buffer.from(form.get('RawMessage.Data') ?? '', 'base64').toString();
    const to = (/^To: (.*)$/im.exec(raw)?.[1] ?? '').toLowerCase();
    if (![...refused].some((address) => to.includes(address))) return undefined;
    return sesError('MessageRejected', 'Email address is not verified.');
  });
  return {
    ...proxy,
    /** From now on (or until `resume`) the account may send nothing, to anyone. */
    pause: () => (paused = true),
    resume: () => (paused = false),
    /** From now on SES refuses this address for good. */
    refuse: (address: string) => refused.add(address.toLowerCase()),
    /** From now on SES takes this address again (say, once it was corrected or verified). */
    accept: (address: string) => refused.delete(address.toLowerCase()),
    /** The next `count` sends are answered as SES answers one over the account's sending rate. */
    throttleNext: (count: number) => (throttled = { coming: count, answered: 0 }),
    /** How many sends were answered as throttled since `throttleNext`. */
    throttledAnswers: () => throttled.answered,
  };
}
