import type { BidContent, BidStatus, PartnerStatus } from '#shared/bid.ts';
import type { BiddingFirm, ChallengeBidding, ChallengePorts, StoredAuditEntry } from '../challenges/ports.ts';
import type { DailyAllowance } from '../daily-allowance.ts';
import type { OwedEmail, Page, PageRequest } from '../kernel.ts';

/** A bid as it is stored: what the firm wrote so far, its place in the lifecycle and its latest seal. */
export interface StoredBid extends Partial<BidContent> {
  challengeId: string;
  bidId: string;
  leadOrganisationId: string;
  leadName: string;
  status: BidStatus;
  /** The latest sealing, while the bid is sealed (a withdrawal clears it; the bid's audit trail keeps every digest). */
  sealedAt?: string;
  sealDigest?: string;
  helpRequestedAt?: string;
  helpMessage?: string;
  feedback?: string;
  createdAt: string;
  createdByUserId: string;
  updatedAt: string;
  version: number;
}

export type BidChanges = Partial<Omit<StoredBid, 'challengeId' | 'bidId' | 'leadOrganisationId' | 'createdAt' | 'createdByUserId'>>;

/** A partner in a consortium bid. */
export interface StoredPartnership {
  challengeId: string;
  bidId: string;
  organisationId: string;
  name: string;
  role: string;
  sharePercent: number;
  status: PartnerStatus;
  invitedAt: string;
  invitedByUserId: string;
  respondedAt?: string;
  respondedByUserId?: string;
}

/** One line of a bid's own audit trail. */
export interface StoredBidAudit {
  challengeId: string;
  bidId: string;
  entryId: string;
  at: string;
  action: string;
  actorUserId?: string;
  /** The digest a submission sealed. */
  digest?: string;
  note?: string;
}

/** A firm's place in a challenge's bidding (one per firm per challenge): lead of a bid, or partner in one. */
export interface StoredBidder extends BiddingFirm {
  challengeId: string;
}

/**
 * A write of one bid: its changes, its audit line, for a seal the challenge's audit line, and the
 * emails it owes, in one transaction; only while the bid is still at the version it was read at and
 * the challenge is still open at `at`.
 */
export interface BidWrite {
  at: string;
  set: BidChanges;
  remove?: (keyof BidChanges)[];
  /** Autosaves of a draft leave none: the trail records what happened to the bid, not every keystroke. */
  audit?: StoredBidAudit;
  /** The challenge's audit line of a seal: its time and digest, never the firm. */
  challengeAudit?: StoredAuditEntry;
  /** Partners that must still be confirmed (a submission seals them). */
  confirmedPartners?: string[];
  emails?: OwedEmail[];
  /** The daily allowance the emails use, counted in the same transaction (see DailyAllowance). */
  allowance?: DailyAllowance;
}

/**
 * Why a guarded bid write was refused: `stale` the bid changed since it was read, `closed` the
 * challenge is no longer open, `taken` the firm already has a place in this challenge's bidding,
 * `allowanceUsedUp` the write's daily allowance is used up.
 */
export type BidWriteOutcome = 'written' | 'stale' | 'closed' | 'taken' | 'allowanceUsedUp';

/** The stored side of bids, their partners, their audit trails and the one-bid-per-firm guards; it answers the challenges' reads of their bidding too. */
export interface BidStore extends ChallengeBidding {
  /** Creates the draft, its lead's bidder guard and its audit line, only if the firm has no place in the challenge's bidding yet. */
  start(bid: StoredBid, audit: StoredBidAudit, openAt: string): Promise<BidWriteOutcome>;
  /** The bid with this id, whichever challenge it is on. */
  bid(bidId: string): Promise<StoredBid | undefined>;
  /** These bids, each named by its challenge and id; missing ones are left out. */
  bidsAt(keys: { challengeId: string; bidId: string }[]): Promise<StoredBid[]>;
  change(bid: StoredBid, write: BidWrite): Promise<BidWriteOutcome>;
  partners(challengeId: string, bidId: string): Promise<StoredPartnership[]>;
  audit(challengeId: string, bidId: string): Promise<StoredBidAudit[]>;
  /** Adds the partner with the bid's write, unless it is in this consortium already (`taken`); its bidder guard waits for its confirmation. */
  invite(bid: StoredBid, partnership: StoredPartnership, write: BidWrite): Promise<BidWriteOutcome>;
  /** Takes the partner out with the bid's write; its bidder guard goes too if it had confirmed (only then it holds one). */
  removePartner(bid: StoredBid, partnership: StoredPartnership, write: BidWrite): Promise<BidWriteOutcome>;
  /** The partner confirms or declines, only while invited and the challenge open; confirming creates its bidder guard (`taken` if it has a place elsewhere). */
  respond(
    partnership: StoredPartnership,
    response: Required<Pick<StoredPartnership, 'status' | 'respondedAt' | 'respondedByUserId'>>,
    audit: StoredBidAudit,
    emails: OwedEmail[],
  ): Promise<BidWriteOutcome>;
  bidder(challengeId: string, organisationId: string): Promise<StoredBidder | undefined>;
  /** Every firm with a place in the challenge's bidding: leads and confirmed partners. */
  bidders(challengeId: string): Promise<StoredBidder[]>;
  /** Every bid on the challenge, in any status. */
  bidsOf(challengeId: string): Promise<StoredBid[]>;
  /** The bids that count (submitted and later): only ever shown to the commissioner after the deadline. */
  sealedBids(challengeId: string): Promise<StoredBid[]>;
  /** Drafts and withdrawn bids: those the deadline would leave behind. */
  draftBidsOf(challengeId: string): Promise<StoredBid[]>;
  /** The bids this organisation leads, newest first. */
  ledBy(organisationId: string, page: PageRequest): Promise<Page<StoredBid>>;
  /** The consortia this organisation was invited to, newest first: the `newest` most recent, in one bounded read. */
  partnershipsOf(organisationId: string, newest: number): Promise<StoredPartnership[]>;
}

/** What the bid use cases need: the challenges' ports, with the whole bid store. */
export interface BidPorts extends ChallengePorts {
  bids: BidStore;
}
