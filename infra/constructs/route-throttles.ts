import type { OperationId } from '#functions/http/routes.ts';

export interface RouteThrottle {
  /** Requests per second, steady. */
  rateLimit: number;
  /** Requests at once. */
  burstLimit: number;
}

/** The stage's limit for every route together. */
export const stageThrottle: RouteThrottle = { rateLimit: 100, burstLimit: 200 };
/** Signing in: a person needs a few requests a minute; a burst here is someone guessing codes or mailing strangers. */
const signIn: RouteThrottle = { rateLimit: 10, burstLimit: 20 };
/** A route that makes Crossover send email on a user's request. */
const sendsEmail: RouteThrottle = { rateLimit: 5, burstLimit: 10 };

/**
 * Tighter limits for the routes a burst could abuse, on top of the stage's, so a burst on one of
 * them throttles that route only and never locks everyone out of the rest of the API. Each client
 * is limited by the web ACL's rate rule per IP (infra/edge-stack.ts). The unsubscribe routes have
 * none: they send nothing, their signed token cannot be guessed, and a mail service may well send
 * many one-click requests at once after a notice went out.
 */
export const routeThrottles: Partial<Record<OperationId, RouteThrottle>> = {
  requestSignInCode: signIn,
  verifySignIn: signIn,
  inviteMember: sendsEmail,
  submitChallenge: sendsEmail,
  cancelChallenge: sendsEmail,
  amendChallenge: sendsEmail,
  askQuestion: sendsEmail,
  answerQuestion: sendsEmail,
  invitePartner: sendsEmail,
  confirmPartnership: sendsEmail,
  declinePartnership: sendsEmail,
  requestBidHelp: sendsEmail,
};
