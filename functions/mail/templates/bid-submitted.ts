import { z } from 'zod';
import type { MailTemplate } from './template.ts';
import { amsterdamTime } from './amsterdam-time.ts';
import { bidData, bidExample } from './bid-data.ts';
import { bidUrl } from './links.ts';

/** The firm's receipt for a sealed bid: the time and the SHA-256 digest that prove its authorship and date. */
export const bidSubmitted = {
  type: 'bid.submitted',
  data: bidData.extend({ sealedAt: z.iso.datetime(), digest: z.string().regex(/^[0-9a-f]{64}$/) }),
  example: { ...bidExample, sealedAt: '2025-06-12T09:41:27.000Z', digest: '9f2c4e81b7a05d3361e8f0c2a4b79d15e6f8a3c20b1d47e95a6c3f08d2e17b4a' },
  compose: ({ bidId, challengeTitle, commissionerName, sealedAt, digest }, language, { siteUrl }) =>
    language === 'nl'
      ? {
          subject: `Ontvangstbewijs: uw bieding op “${challengeTitle}” is verzegeld`,
          heading: 'Uw bieding is verzegeld',
          paragraphs: [
            `Uw bieding op de uitdaging “${challengeTitle}” van ${commissionerName} is op ${amsterdamTime(sealedAt, language)} (Nederlandse tijd) ontvangen en verzegeld.`,
            `De digitale vingerafdruk (SHA-256) van de verzegelde bieding is: ${digest}`,
            'Bewaar deze e-mail. Het tijdstip en de vingerafdruk bewijzen dat uw bedrijf deze bieding heeft geschreven, en wanneer: wie de bieding na de deadline opnieuw doorrekent, komt op precies dezelfde vingerafdruk uit. Ook het logboek van de uitdaging legt haar vast.',
            `Tot de deadline ziet ${commissionerName} alleen dát er een bieding is binnengekomen, niet van wie die is of wat erin staat. U kunt uw bieding tot de deadline nog wijzigen of intrekken; na elke wijziging wordt ze opnieuw verzegeld en krijgt u een nieuw ontvangstbewijs.`,
          ],
          action: { label: 'Bekijk uw bieding', url: bidUrl(siteUrl, language, bidId) },
        }
      : {
          subject: `Receipt: your bid on “${challengeTitle}” is sealed`,
          heading: 'Your bid is sealed',
          paragraphs: [
            `Your bid on the challenge “${challengeTitle}” by ${commissionerName} was received and sealed on ${amsterdamTime(sealedAt, language)} (Amsterdam time).`,
            `The digital fingerprint (SHA-256 digest) of the sealed bid is: ${digest}`,
            "Keep this email. The time and the fingerprint prove that your firm wrote this bid, and when: anyone who recomputes the bid's fingerprint after the deadline gets exactly the same one. The challenge's audit trail records it too.",
            `Until the deadline, ${commissionerName} sees only that a bid came in, not who sent it or what it says. You can still change or withdraw your bid until the deadline; every change seals it again and sends you a new receipt.`,
          ],
          action: { label: 'View your bid', url: bidUrl(siteUrl, language, bidId) },
        },
} satisfies MailTemplate;
