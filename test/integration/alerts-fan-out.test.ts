import { describe, expect, it } from 'vitest';
import { wiring } from '#functions/wiring.ts';
import { subscriber } from '../helpers/alerts.ts';
import { challengeTerms, publishedChallenge, useMarketplace } from '../helpers/challenges.ts';
import { createInbox, recipients } from '../helpers/inbox.ts';
import { firmRegistration, outboxDelivery, registeredBy } from '../helpers/organisations.ts';

const world = useMarketplace();
const inbox = createInbox();

/** The alerts (not, say, the commissioner's own notice of publication) each of these addresses received about this title. */
async function alertsAbout(title: string, emails: string[]) {
  const all = (await inbox.all()).filter((email) => email.subject === `New challenge: “${title}”`);
  return Object.fromEntries(emails.map((address) => [address, all.filter((email) => recipients(email).includes(address.toLowerCase()))]));
}

describe('Alert fan-out on publication', () => {
  it('emails each matching subscriber once, naming why, and no one else', async () => {
    const pending = await registeredBy(world.api, firmRegistration({ name: 'Nog Niet Geverifieerd' }));
    const firm = world.people.firm.organisationId;
    const people = {
      serviceDesign: await subscriber('service', { disciplines: ['service_design'] }, firm),
      twoOfIts: await subscriber('two', { disciplines: ['service_design', 'data_visualisation'] }, firm),
      anyDiscipline: await subscriber('any', {}, firm),
      freelancer: await subscriber('freelancer', { disciplines: ['data_visualisation'] }),
      pendingFirm: await subscriber('pending', { disciplines: ['service_design'] }, pending.organisationId),
      otherDiscipline: await subscriber('sound', { disciplines: ['sound'] }, firm),
      tooSmall: await subscriber('small', { disciplines: ['service_design'], minBudgetCents: 5_000_000 }, firm),
      weekly: await subscriber('weekly', { frequency: 'weekly' }, firm),
      off: await subscriber('off', { frequency: 'off' }, firm),
      ownCommissioner: await subscriber('own', {}, world.people.commissioner.organisationId),
    };
    const title = `Harbour wayfinding ${Date.now()}`;
    const challenge = await publishedChallenge(world, { title, disciplines: ['service_design', 'data_visualisation'] });
    await world.deliver();

    const got = await alertsAbout(
      title,
      Object.values(people).map(({ email }) => email),
    );
    const counts = Object.fromEntries(Object.entries(people).map(([who, { email }]) => [who, got[email]!.length]));
    expect(counts).toEqual({
      serviceDesign: 1,
      twoOfIts: 1,
      anyDiscipline: 1,
      freelancer: 1,
      pendingFirm: 1,
      otherDiscipline: 0,
      tooSmall: 0,
      weekly: 0,
      off: 0,
      ownCommissioner: 0,
    });
    const [alert] = got[people.twoOfIts.email]!;
    expect(alert!.body.text).toContain('Why you get this: you follow service design and data visualisation');
    expect(alert!.body.text).toContain(`/en/challenges/${challenge.id}`);
    expect(alert!.body.text).not.toContain(challengeTerms().description);
    expect(got[people.anyDiscipline.email]![0]!.body.text).toContain('you asked to hear of every new challenge');

    const run = await wiring().alertRuns.run(`challenge-${challenge.id}`);
    expect(run).toMatchObject({ status: 'matched', matched: 5, sent: 5, suppressed: 0, failed: 0, failedEvents: [] });
  });

  it('sends a challenge for verified firms only to members of verified firms', async () => {
    const pending = await registeredBy(world.api, firmRegistration({ name: 'Nog Steeds Niet' }));
    const verifiedMember = await subscriber('verified', { disciplines: ['photography'] }, world.people.otherFirm.organisationId);
    const pendingMember = await subscriber('unverified', { disciplines: ['photography'] }, pending.organisationId);
    const freelancer = await subscriber('alone', { disciplines: ['photography'] });
    const title = `Firms only ${Date.now()}`;
    await publishedChallenge(world, { title, disciplines: ['photography'], visibility: 'verified_firms', ndaRequired: true });
    await world.deliver();

    const got = await alertsAbout(title, [verifiedMember.email, pendingMember.email, freelancer.email]);
    expect([got[verifiedMember.email]!.length, got[pendingMember.email]!.length, got[freelancer.email]!.length]).toEqual([1, 0, 0]);
    expect(got[verifiedMember.email]![0]!.body.text).toContain('You read the full brief after accepting a non-disclosure agreement');
  });

  it('sends nothing twice when the stream hands over every step and chunk again', async () => {
    const person = await subscriber('replayed', { disciplines: ['illustration'] }, world.people.firm.organisationId);
    const title = `Replayed ${Date.now()}`;
    const challenge = await publishedChallenge(world, { title, disciplines: ['illustration'] });
    await world.deliver();
    const counted = await wiring().alertRuns.run(`challenge-${challenge.id}`);
    // A dispatcher reading the whole stream again from its start, as after a lost checkpoint.
    await outboxDelivery(wiring().config.TABLE_NAME)();
    expect((await alertsAbout(title, [person.email]))[person.email]).toHaveLength(1);
    expect(counted).toMatchObject({ status: 'matched', failed: 0 });
    expect(counted!.sent).toBe(counted!.matched);
    expect(await wiring().alertRuns.run(`challenge-${challenge.id}`)).toEqual(counted);
  });
});
