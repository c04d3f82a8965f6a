import { emailSchema } from '$shared/email.ts';

/** The address a sign-in link's token is for: it starts with it, base64url-encoded. */
export function addressIn(token: string): string | undefined {
  try {
    const encoded = (token.split('.')[0] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const address = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0)));
    return emailSchema.safeParse(address).success ? address : undefined;
  } catch {
    return undefined;
  }
}
