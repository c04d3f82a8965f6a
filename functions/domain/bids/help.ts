import type { Bid } from '#shared/bid.ts';
import type { Firm } from '../challenges/ports.ts';
import { challengeEmail, staffRecipients } from '../challenges/recipients.ts';
import { allowanceUsedUp } from '../daily-allowance.ts';
import { requireBiddingOpen } from './access.ts';
import { bidAuditLine } from './audit.ts';
import { findLedBid, requireWritten } from './get-bid.ts';
import type { BidPorts } from './ports.ts';
import { bidView } from './views.ts';

/**
 * The lead asks the cluster's staff for help with its bid, before the deadline: from then on staff
 * may read the bid (nobody else new may), and they are emailed the firm's name and message. It
 * leaves the bid's version alone, so the form's autosave carries on. A few requests a day at most
 * (429 after), so staff's inboxes cannot be flooded.
 */
export async function requestBidHelp(bidId: string, message: string, viewer: Firm, ports: BidPorts): Promise<Bid> {
  const { bid, challenge, partners } = await findLedBid(bidId, viewer, ports);
  const now = ports.now();
  requireBiddingOpen(challenge, now);
  const set = { helpRequestedAt: now.toISOString(), helpMessage: message };
  const outcome = await ports.bids.change(bid, {
    at: set.helpRequestedAt,
    set,
    audit: bidAuditLine(bid, ports.newId(), now, 'help_requested', viewer.userId),
    emails: challengeEmail('bid.help_requested', challenge, await staffRecipients(ports), { bidId, firmName: bid.leadName, message }),
    allowance: { scope: `help-requests#${bidId}`, cap: ports.limits.helpRequestsPerBid, at: now },
  });
  if (outcome === 'allowanceUsedUp')
    throw allowanceUsedUp(
      `You have asked for help with this bid ${ports.limits.helpRequestsPerBid} times today, the most a day allows; staff will answer, or try again tomorrow.`,
      now,
    );
  requireWritten(outcome);
  return bidView({ ...bid, ...set }, challenge, viewer, ports, { partners });
}
