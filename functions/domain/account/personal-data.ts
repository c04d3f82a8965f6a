export interface PersonalDataPorts {
  user(userId: string): Promise<Record<string, unknown> | undefined>;
  sessions(userId: string): Promise<{ createdAt: string; expiresAt: number }[]>;
  signInCodes(email: string): Promise<{ createdAt: string; usedAt?: string }[]>;
  organisation(organisationId: string): Promise<Record<string, unknown> | undefined>;
  /** Ends every session, frees the address and blanks the person's fields, keeping the id for the audit trail. */
  anonymise(userId: string, email: string, at: string): Promise<void>;
  /** Takes the address out of every outbox event sent (or still to be sent) to it, and the address and name out of their data. */
  scrubOutbox(email: string, name?: string): Promise<void>;
  alertPreferences(userId: string): Promise<object | undefined>;
  /** Deletes the person's alert preferences and every subscription that follows from them. */
  forgetAlerts(userId: string): Promise<void>;
  /** The kinds of email the address stopped through an unsubscribe link, and when. */
  mailOptOuts(email: string): Promise<object[]>;
  /** Forgets that the address stopped any kind of email. */
  forgetMailOptOuts(email: string): Promise<void>;
  /** Deletes every invitation to the address. */
  forgetInvitations(email: string): Promise<void>;
  now(): Date;
}

/**
 * Everything Crossover holds about a person, for them to take away (GDPR art. 15 and 20):
 * their account, sessions, sign-in codes sent (never the codes themselves), alert preferences, the
 * kinds of email they stopped and their organisation.
 */
export async function exportPersonalData(person: { userId: string; email: string }, ports: PersonalDataPorts) {
  const user = await ports.user(person.userId);
  const organisationId = typeof user?.['organisationId'] === 'string' ? user['organisationId'] : undefined;
  return {
    exportedAt: ports.now().toISOString(),
    account: user ?? null,
    sessions: await ports.sessions(person.userId),
    signInCodesSent: await ports.signInCodes(person.email),
    alertPreferences: (await ports.alertPreferences(person.userId)) ?? null,
    stoppedEmails: await ports.mailOptOuts(person.email),
    organisation: organisationId ? ((await ports.organisation(organisationId)) ?? null) : null,
  };
}

/**
 * Erases a person (GDPR art. 17):
 * 1. take their address and name out of the outbox events addressed to them (delivered ones expire
 *    after 30 days anyway; a pending one is then never sent to them)
 * 2. delete the invitations to their address, their alert preferences and subscriptions, and which
 *    kinds of email their address stopped
 * 3. end all their sessions, so they are signed out everywhere; free their email address and blank
 *    their name and email (last, so that a failure before it leaves them able to try again)
 * 4. keep the user id, now naming no one, wherever the audit trail records them as the actor
 */
export async function erasePersonalData(person: { userId: string; email: string }, ports: PersonalDataPorts): Promise<void> {
  const name = (await ports.user(person.userId))?.['name'];
  await ports.scrubOutbox(person.email, typeof name === 'string' && name.trim() ? name : undefined);
  await ports.forgetInvitations(person.email);
  await ports.forgetAlerts(person.userId);
  await ports.forgetMailOptOuts(person.email);
  await ports.anonymise(person.userId, person.email, ports.now().toISOString());
}
