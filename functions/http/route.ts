import type { z } from 'zod';
import type { organisationStatuses } from '#shared/organisation.ts';

/**
 * Who may call a route; one check runs it before any handler. A signed-in caller who may not see
 * a resource gets 404; an anonymous caller of a non-public route gets 401; a member of an
 * organisation that is not verified gets 403 on any change but those the route allows it
 * (`whileUnverified`), as that answer depends only on their own organisation's status.
 * - `public`: anyone
 * - `signedIn`: any signed-in person
 * - `staff`: the cluster's staff
 * - `member` / `owner`: a member / the owner of the organisation named by the path's `organisationId`
 * - `verifiedCommissioner` / `verifiedFirm`: a member of a verified commissioning organisation / creative firm
 * - `challengeCommissioner`: a member of the verified commissioning organisation that posted the path's `challengeId`
 */
export const accessRules = ['public', 'signedIn', 'staff', 'member', 'owner', 'verifiedCommissioner', 'verifiedFirm', 'challengeCommissioner'] as const;
export type AccessRule = (typeof accessRules)[number];

/** An organisation's statuses in which its members change nothing but what a route allows in `whileUnverified`. */
export type UnverifiedStatus = Exclude<(typeof organisationStatuses)[number], 'verified'>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The feature groups; each becomes one Lambda function (module `functions/http/handlers/<group>/index.ts`). */
export type RouteGroup = 'system' | 'account' | 'organisations' | 'staff' | 'directory' | 'challenges' | 'bids' | 'evaluation';

/** What a group's function may touch in AWS; CDK grants exactly this and nothing more. */
export interface GroupPermissions {
  table: 'none' | 'read' | 'readWrite';
  sendEmail: boolean;
}

/**
 * One API route, as plain data: CDK builds the HTTP API from it, the local server serves from it,
 * the OpenAPI document is generated from it and the authorisation test walks it.
 */
export interface RouteDefinition {
  /** Unique name of the operation; also the key of its handler in the group module. */
  operationId: string;
  method: HttpMethod;
  /** API Gateway style path, e.g. `/api/firms/{firmId}`. */
  path: string;
  access: AccessRule;
  /**
   * The statuses, other than verified, in which a member of the caller's organisation may still make
   * this change (sign out, erase themselves, a pending owner correcting the registration). Every other
   * change by a member of an organisation that is not verified is refused with 403 naming its status.
   */
  whileUnverified?: readonly UnverifiedStatus[];
  group: RouteGroup;
  summary: string;
  request?: {
    params?: z.ZodObject;
    query?: z.ZodObject;
    body?: z.ZodType;
    /**
     * How the body comes: JSON unless `form` (`application/x-www-form-urlencoded`), which only the
     * one-click unsubscribe takes, as mail clients send it so (RFC 8058).
     */
    bodyEncoding?: 'form';
  };
  /**
   * A change any origin may send, not only the site: the path's signed token, never the session
   * cookie, is its authority (the one-click unsubscribe, which mail services send from their servers).
   */
  anyOrigin?: true;
  /**
   * The most one successful call may cost in DynamoDB, caller included: requests of every kind, and
   * items read (a Query's items before any filter, a GetItem's item, a BatchGetItem's items). The
   * authorisation walk checks it against a table holding thousands of challenges and firms (and 100
   * staff addresses), so a read that grows with the marketplace fails it.
   */
  reads: { requests: number; items: number };
  /** The success answer; `contentType` defaults to `application/json`. */
  response: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: z.ZodType;
    contentType?: string;
  };
}
