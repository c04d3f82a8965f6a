import { z } from 'zod';
import { emailSchema } from './email.ts';
import { languages } from './language.ts';
import { memberRoles, organisationKinds, organisationStatuses } from './organisation.ts';

export const requestCodeSchema = z.object({ email: emailSchema, language: z.enum(languages).optional() }).strict();

/** Sign in with the 6-digit code from the email, or with the token of its link. */
export const verifySignInSchema = z.union([
  z.object({ email: emailSchema, code: z.string().regex(/^\d{6}$/, 'The code is 6 digits') }).strict(),
  z.object({ token: z.string().min(20).max(200) }).strict(),
]);

/**
 * A registration staff rejected, as its owner sees it until they register again or staff reopen it:
 * the rejection ended their membership, so no organisation page is left to say it.
 */
export const rejectedRegistrationSchema = z.object({ organisationName: z.string(), reason: z.string(), rejectedAt: z.string() });
export type RejectedRegistration = z.infer<typeof rejectedRegistrationSchema>;

/** Who is signed in: the person, their organisation and role in it, whether they are staff, and their last registration if staff rejected it. */
export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string().optional(), language: z.enum(languages) }),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.enum(organisationKinds), status: z.enum(organisationStatuses), role: z.enum(memberRoles) }).nullable(),
  staff: z.boolean(),
  rejectedRegistration: rejectedRegistrationSchema.nullable(),
});
export type Me = z.infer<typeof meSchema>;

/** The site asks this on every page: who, if anyone, is signed in. */
export const sessionSchema = z.object({ me: meSchema.nullable() });

export const updateMeSchema = z.object({ name: z.string().trim().min(1).max(120).optional(), language: z.enum(languages).optional() }).strict();

export const acceptedSchema = z.object({ message: z.string() });
