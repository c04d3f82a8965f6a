import { invalidate } from '$app/navigation';
import { sessionSchema, type Me } from '$shared/account.ts';
import { api } from './api.ts';

/** What a page's `load` that reads the session depends on; signing in or out, joining or leaving loads it again. */
const sessionDependency = 'app:session';

/** Who is signed in, as `GET /api/me` says; shared by the header and every page that needs it. */
class Session {
  me = $state<Me | null>(null);
  /** False until the first answer, so pages do not flash a signed-out state. */
  known = $state(false);
  #first: Promise<Me | null> | null = null;

  async refresh(): Promise<Me | null> {
    try {
      this.me = (await api('/api/session', { schema: sessionSchema })).me;
    } finally {
      this.known = true;
    }
    return this.me;
  }

  /** The first answer, asked once however many ask (the header and a page's load); unreachable counts as signed out. */
  first(): Promise<Me | null> {
    return (this.#first ??= this.refresh().catch(() => null));
  }

  /** Who is signed in, for a `load`, which then runs again when the session changes. */
  async read({ depends }: { depends: (...deps: `${string}:${string}`[]) => void }): Promise<Me | null> {
    depends(sessionDependency);
    if (!this.known) await this.first();
    return this.me;
  }

  /** Reads the session again after the person's organisation changed; the pages that read it load again. */
  async changed(): Promise<void> {
    await this.refresh();
    await invalidate(sessionDependency);
  }

  async signedIn(me: Me): Promise<void> {
    this.me = me;
    this.known = true;
    await invalidate(sessionDependency);
  }

  async signOut(): Promise<void> {
    await api('/api/auth/logout', { method: 'POST' });
    this.me = null;
    await invalidate(sessionDependency);
  }
}

export const session = new Session();
