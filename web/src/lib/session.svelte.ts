import { sessionSchema, type Me } from '$shared/account.ts';
import { api } from './api.ts';

/** Who is signed in, as `GET /api/me` says; shared by the header and every page that needs it. */
class Session {
  me = $state<Me | null>(null);
  /** False until the first answer, so pages do not flash a signed-out state. */
  known = $state(false);

  async refresh(): Promise<Me | null> {
    try {
      this.me = (await api('/api/session', { schema: sessionSchema })).me;
    } finally {
      this.known = true;
    }
    return this.me;
  }

  signedIn(me: Me): void {
    this.me = me;
    this.known = true;
  }

  async signOut(): Promise<void> {
    await api('/api/auth/logout', { method: 'POST' });
    this.me = null;
  }
}

export const session = new Session();
