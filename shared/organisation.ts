import { z } from 'zod';
import { idSchema } from './id.ts';
import municipalities from './data/mra-municipalities.json' with { type: 'json' };

/** The sectors commissioners work in; creative firms say which of these they serve. */
export const sectors = ['health', 'energy', 'mobility', 'logistics', 'finance', 'government', 'education', 'retail', 'agri-food', 'water', 'culture', 'other'] as const;
export const commissionerTypes = ['corporate', 'public_body', 'knowledge_institution'] as const;
/** The creative industry's subsectors (the directory's and the map's first facet). */
export const subsectors = ['digital_media', 'design', 'fashion', 'creative_agency', 'architecture', 'games', 'other'] as const;
/** The controlled vocabulary of what creative firms do; challenges ask for the same words. */
export const disciplines = [
  'ux_design',
  'service_design',
  'interaction_design',
  'product_design',
  'branding',
  'communication_strategy',
  'film_video',
  'photography',
  'illustration',
  'xr_vr',
  'game_design',
  'data_visualisation',
  'web_development',
  'fashion_tech',
  'spatial_design',
  'sound',
] as const;
/** Headcount bands, as the Chamber of Commerce reports them. */
export const sizeBands = ['1', '2-9', '10-49', '50-249', '250+'] as const;
export const organisationKinds = ['commissioner', 'creative'] as const;
export const organisationStatuses = ['pending', 'verified', 'rejected', 'suspended'] as const;
export const memberRoles = ['owner', 'member'] as const;

/** The MRA's municipalities, by CBS code (shared/data/mra-municipalities.json). */
export const mraMunicipalities: readonly { code: string; name: string }[] = municipalities;
const municipalityCodes = municipalities.map((municipality) => municipality.code) as [string, ...string[]];

export const kvkNumberSchema = z.string().regex(/^\d{8}$/, 'A KvK number is 8 digits');
export const municipalitySchema = z.enum(municipalityCodes, { error: 'Choose a municipality of the region' });
const websiteSchema = z.url({ protocol: /^https?$/, error: 'Enter a web address starting with https://' }).max(300);
const markdownSchema = z.string().trim().max(5000);

const commonFields = {
  name: z.string().trim().min(2).max(120),
  kvkNumber: kvkNumberSchema,
  municipality: municipalitySchema,
  website: websiteSchema,
  description: markdownSchema.min(20, 'Say in a few sentences what the organisation does'),
  sizeBand: z.enum(sizeBands),
};

const commissionerFields = {
  kind: z.literal('commissioner'),
  sector: z.enum(sectors),
  commissionerType: z.enum(commissionerTypes),
};

const creativeFields = {
  kind: z.literal('creative'),
  subsector: z.enum(subsectors),
  disciplines: z.array(z.enum(disciplines)).min(1, 'Choose at least one discipline').max(8),
  sectorsServed: z.array(z.enum(sectors)).max(12),
  foundedYear: z.number().int().min(1800).max(2100),
  internationalAmbition: z.boolean(),
  portfolioLinks: z.array(websiteSchema).max(10),
};

/** What a signed-in person fills in to register their organisation. */
export const registerOrganisationSchema = z.discriminatedUnion('kind', [
  z.object({ ...commonFields, ...commissionerFields }).strict(),
  z.object({ ...commonFields, ...creativeFields }).strict(),
]);
export type RegisterOrganisation = z.infer<typeof registerOrganisationSchema>;

/** An owner's edit: every field but kind and KvK number, plus the version it read (stale writes get 409). */
export const updateOrganisationSchema = z.discriminatedUnion('kind', [
  z
    .object({ ...commonFields, ...commissionerFields, version: z.number().int().min(1) })
    .omit({ kvkNumber: true })
    .partial()
    .required({ kind: true, version: true })
    .strict(),
  z
    .object({ ...commonFields, ...creativeFields, version: z.number().int().min(1) })
    .omit({ kvkNumber: true })
    .partial()
    .required({ kind: true, version: true })
    .strict(),
]);
export type UpdateOrganisation = z.infer<typeof updateOrganisationSchema>;

const recordFields = {
  id: idSchema,
  status: z.enum(organisationStatuses),
  /** Why staff rejected or suspended it, shown to its members. */
  statusReason: z.string().optional(),
  createdAt: z.iso.datetime(),
  verifiedAt: z.iso.datetime().optional(),
  version: z.number().int().min(1),
};

/** An organisation as its members and staff see it. */
export const organisationSchema = z.discriminatedUnion('kind', [
  z.object({ ...commonFields, ...commissionerFields, ...recordFields }),
  z.object({ ...commonFields, ...creativeFields, ...recordFields }),
]);
export type Organisation = z.infer<typeof organisationSchema>;

/** A verified creative firm as the public directory shows it. */
export const firmSchema = z.object({
  id: idSchema,
  name: z.string(),
  municipality: municipalitySchema,
  website: z.string(),
  description: z.string(),
  sizeBand: z.enum(sizeBands),
  subsector: z.enum(subsectors),
  disciplines: z.array(z.enum(disciplines)),
  sectorsServed: z.array(z.enum(sectors)),
  foundedYear: z.number().int(),
  internationalAmbition: z.boolean(),
  portfolioLinks: z.array(z.string()),
});
export type Firm = z.infer<typeof firmSchema>;

export const firmListQuerySchema = z
  .object({
    subsector: z.enum(subsectors).optional(),
    discipline: z.enum(disciplines).optional(),
    municipality: municipalitySchema.optional(),
    size: z.enum(sizeBands).optional(),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(24),
  })
  .strict();

export const firmListSchema = z.object({ items: z.array(firmSchema), cursor: z.string().nullable() });

export const memberSchema = z.object({
  userId: idSchema,
  email: z.string(),
  name: z.string().optional(),
  role: z.enum(memberRoles),
});
export const invitationSchema = z.object({ email: z.string(), invitedAt: z.iso.datetime() });
export const membersSchema = z.object({ members: z.array(memberSchema), invitations: z.array(invitationSchema) });
export type Members = z.infer<typeof membersSchema>;

/** An open invitation as the invited person sees it: enough to judge the organisation before joining. */
export const personalInvitationSchema = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), kvkNumber: z.string(), kind: z.enum(organisationKinds), status: z.enum(organisationStatuses) }),
  /** Null once the inviter has erased their data. */
  invitedBy: z.object({ name: z.string().optional(), email: z.string() }).nullable(),
  invitedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export const personalInvitationsSchema = z.object({ items: z.array(personalInvitationSchema) });
export type PersonalInvitation = z.infer<typeof personalInvitationSchema>;

export const organisationIdParamsSchema = z.object({ organisationId: idSchema }).strict();
export const staffQueueQuerySchema = z
  .object({
    status: z.enum(organisationStatuses).default('pending'),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export const organisationListSchema = z.object({ items: z.array(organisationSchema), cursor: z.string().nullable() });
export const reasonSchema = z.object({ reason: z.string().trim().min(5).max(2000) }).strict();
