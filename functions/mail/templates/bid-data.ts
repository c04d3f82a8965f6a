import { z } from 'zod';
import { challengeData, challengeExample } from './challenge-data.ts';

/** What every email about one bid carries: its challenge, and the bid its button opens. */
export const bidData = challengeData.extend({ bidId: z.string().min(1) });

/** The bid the examples of every bid email are about. */
export const bidExample = { ...challengeExample, bidId: '01JRB4K7Q2W8E5N3T6Y9H1M0PX' } satisfies z.infer<typeof bidData>;

/** A consortium partner's answer to the lead's invitation: which bid, and who answered. */
export const bidPartnerData = bidData.extend({ partnerName: z.string().min(1) });

/** A knowledge institution answering, as partners in `partner_search` challenges may be. */
export const bidPartnerExample = { ...bidExample, partnerName: 'Hogeschool van Amsterdam, lectoraat Civic Interaction Design' } satisfies z.infer<typeof bidPartnerData>;
