import type { UnsubscribeKind } from '#shared/unsubscribe.ts';
import type { AlertStore } from '../alerts/ports.ts';
import type { OrganisationStore } from '../organisations/ports.ts';

/** The kinds of email addresses stopped through the link in them (alerts stop by their frequency instead). */
export interface MailOptOutStore {
  /** Those of these addresses (lower-cased) that stopped this kind of email: one BatchGet per 100 addresses. */
  optedOutAmong(emails: readonly string[], kind: UnsubscribeKind): Promise<Set<string>>;
  optOut(email: string, kind: UnsubscribeKind, at: string): Promise<void>;
  optIn(email: string, kind: UnsubscribeKind): Promise<void>;
  /** Every kind the address stopped, with when (export). */
  optOutsOf(email: string): Promise<{ kind: UnsubscribeKind; optedOutAt: string }[]>;
  /** Forgets every kind the address stopped (erasure). */
  forget(email: string): Promise<void>;
}

export interface UnsubscribePorts {
  /** The key the links' tokens are signed with (the session key). */
  key(): Promise<Uint8Array>;
  optOuts: MailOptOutStore;
  alerts: AlertStore;
  organisations: Pick<OrganisationStore, 'personByEmail' | 'organisation'>;
  now(): Date;
}
