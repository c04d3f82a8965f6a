import type { AlertedChallenge } from '#shared/alerts.ts';
import { memberViewer } from '../challenges/recipients.ts';
import { isVerifiedFirm } from '../challenges/viewer.ts';
import type { Viewer } from '../challenges/ports.ts';
import type { StoredOrganisation } from '../organisations/ports.ts';
import { alertReasons } from './match.ts';
import type { AlertChunk, AlertRun, AlertStep, AlertSubscriber, FanOutPorts } from './ports.ts';

/** Subscribers read per step: one page, and so at most one chunk event's recipients. */
export const STEP_SIZE = 50;

const nobody: Viewer = { staff: false, organisationVerified: false };

/** Whether this viewer may see the challenge at all: a firms-only one only while their firm is verified. */
const maySeeAlerted = (viewer: Viewer, challenge: AlertedChallenge) => challenge.visibility === 'public' || isVerifiedFirm(viewer);

/** An organisation whose members hear nothing while it is suspended or rejected. */
const silenced = (organisation: StoredOrganisation | undefined) => organisation?.status === 'suspended' || organisation?.status === 'rejected';

/**
 * The run's challenges a subscriber hears of, each with why: those that fit their criteria and
 * that they may see, never their own organisation's.
 */
function matchesFor(run: AlertRun, subscriber: AlertSubscriber, viewer: Viewer) {
  return run.challenges.flatMap((challenge, index) => {
    if (challenge.organisationId === viewer.organisationId || !maySeeAlerted(viewer, challenge)) return [];
    const reasons = alertReasons(challenge, subscriber);
    return reasons ? [{ challenge: index, reasons }] : [];
  });
}

/**
 * One step of an alert run, as the table's stream hands it over:
 * 1. read one page of the subscribers filed under the step's key (never more)
 * 2. leave out those filed under an earlier key of the run too (a person who follows two of the
 *    challenge's disciplines is met in the first one's partition, and only there)
 * 3. read their accounts and organisations as they are now: erased people, and members of a
 *    suspended or rejected organisation, hear nothing; a firms-only challenge reaches only members
 *    of verified firms; the commissioner's own members are left out
 * 4. keep those with at least one fitting challenge, each with its reasons
 * 5. write the chunk's email, the next step (the next page, else the next key) and the count in one
 *    transaction that marks this step done: a replayed step writes nothing again
 */
export async function fanOutStep(step: AlertStep, ports: FanOutPorts): Promise<'done' | 'doneBefore' | 'noRun'> {
  const run = await ports.runs.run(step.runId);
  const key = run?.keys[step.keyIndex];
  if (!run || !key) return 'noRun';
  const page = await ports.alerts.subscribers(run.frequency, key, { limit: STEP_SIZE, ...(step.cursor ? { cursor: step.cursor } : {}) });
  const earlier = new Set(run.keys.slice(0, step.keyIndex));
  const firstMet = page.items.filter((subscriber) => !subscriber.disciplines.some((discipline) => earlier.has(`discipline:${discipline}`)));
  const people = await ports.audience.people(firstMet.map(({ userId }) => userId));
  const organisations = await ports.audience.organisations([...people.values()].flatMap(({ organisationId }) => (organisationId ? [organisationId] : [])));
  const recipients = firstMet.flatMap((subscriber) => {
    const person = people.get(subscriber.userId);
    if (!person || person.erasedAt) return [];
    const organisation = person.organisationId ? organisations.get(person.organisationId) : undefined;
    if (silenced(organisation)) return [];
    const matches = matchesFor(run, subscriber, organisation ? memberViewer(organisation) : nobody);
    if (!matches.length) return [];
    return [{ email: person.email, language: subscriber.language, ...(person.name ? { name: person.name } : {}), personal: { matches } }];
  });
  const chunk: AlertChunk | undefined = recipients.length
    ? { type: run.kind === 'challenge' ? 'challenge.alert' : 'alerts.digest', recipients, data: { run: run.runId, challenges: run.challenges } }
    : undefined;
  const next: AlertStep | undefined = page.cursor
    ? { runId: run.runId, step: step.step + 1, keyIndex: step.keyIndex, cursor: page.cursor }
    : step.keyIndex + 1 < run.keys.length
      ? { runId: run.runId, step: step.step + 1, keyIndex: step.keyIndex + 1 }
      : undefined;
  return (await ports.runs.completeStep(step, chunk, next, ports.now().toISOString())) ? 'done' : 'doneBefore';
}
