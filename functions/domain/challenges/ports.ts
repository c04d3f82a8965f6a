import type { NewAlertRun } from '../alerts/ports.ts';
import type { BidStatus } from '#shared/bid.ts';
import type { ChallengeListQuery, ChallengeStatus, ChallengeTerms } from '#shared/challenge.ts';
import type { sectors } from '#shared/organisation.ts';
import type { DailyAllowance, DailyLimits } from '../daily-allowance.ts';
import type { OwedEmail, Page, PageRequest } from '../kernel.ts';
import type { OrganisationStore } from '../organisations/ports.ts';

/** A challenge as it is stored: its terms (deadlines as UTC ISO strings) and its place in the lifecycle. */
export interface StoredChallenge extends ChallengeTerms {
  challengeId: string;
  organisationId: string;
  commissionerName: string;
  sector: (typeof sectors)[number];
  status: ChallengeStatus;
  statusSince: string;
  statusNote?: string;
  createdAt: string;
  submittedAt?: string;
  publishedAt?: string;
  closedAt?: string;
  /** The members who evaluate the bids; unset means every member of the organisation. */
  evaluatorIds?: string[];
  awardedBidId?: string;
  /** When the award or no-award was decided. */
  decidedAt?: string;
  /** When firms with a draft bid were reminded that the deadline is 48 h away. */
  bidReminderSentAt?: string;
  questionReminderSentAt?: string;
  version: number;
  /** Present only while published: `open`, with `openUntil` the bid deadline. */
  listing?: 'open';
  openUntil?: string;
}

export type ChallengeChanges = Partial<Omit<StoredChallenge, 'challengeId' | 'organisationId' | 'createdAt'>>;

export interface StoredAuditEntry {
  challengeId: string;
  entryId: string;
  at: string;
  action: string;
  actorRole: 'commissioner' | 'staff' | 'system';
  actorUserId?: string;
  note?: string;
  changes: { field: string; from?: string; to?: string }[];
}

export interface StoredQuestion {
  challengeId: string;
  questionId: string;
  question: string;
  askerOrganisationId: string;
  askerUserId: string;
  askedAt: string;
  answer?: string;
  answeredAt?: string;
  answeredByUserId?: string;
}

export type ChallengeFilters = Omit<ChallengeListQuery, 'sort' | 'cursor' | 'limit'> & {
  /** Whether challenges for verified firms only may be listed. */
  includeFirmsOnly: boolean;
};

/** A write of the challenge: its changes, the audit line they make and the emails they owe, in one transaction. */
export interface ChallengeWrite {
  set: ChallengeChanges;
  remove?: (keyof ChallengeChanges)[];
  audit: StoredAuditEntry;
  emails?: OwedEmail[];
  /** The alert run the change starts (publication's fan-out to subscribers), written with it. */
  alertRun?: NewAlertRun;
  /** Files the challenge's question deadline for the followers' reminder (publication). */
  fileQuestionDeadline?: boolean;
}

/** A question deadline filed for the followers' reminder. */
export interface FiledQuestionDeadline {
  challengeId: string;
  questionDeadline: string;
}

/** The stored side of challenges, their audit trail, questions, followers and NDA acceptances. */
export interface ChallengeStore {
  create(challenge: StoredChallenge, audit: StoredAuditEntry): Promise<void>;
  challenge(challengeId: string): Promise<StoredChallenge | undefined>;
  /** Writes only if the challenge is still at `expectedVersion`; false otherwise. */
  change(challengeId: string, expectedVersion: number, write: ChallengeWrite): Promise<boolean>;
  /** A change that emails interested firms on the commissioner's say: as `change`, and only while today's allowance lasts. */
  amend(challengeId: string, expectedVersion: number, write: ChallengeWrite, allowance: DailyAllowance): Promise<'written' | 'stale' | 'allowanceUsedUp'>;
  ofOrganisation(organisationId: string, page: PageRequest): Promise<Page<StoredChallenge>>;
  /** By the time they got this status; `oldestFirst` for queues, newest first otherwise. */
  byStatus(status: ChallengeStatus, page: PageRequest, options: { oldestFirst: boolean }): Promise<Page<StoredChallenge>>;
  /**
   * Published challenges whose deadline is after `now`, newest first or closing soonest, filtered.
   * A page reads at most `limit + 1` entries; one whose filters dropped some may hold fewer and still go on.
   */
  openChallenges(filters: ChallengeFilters, sort: 'newest' | 'closing', now: string, page: PageRequest): Promise<Page<StoredChallenge>>;
  /** Published challenges whose bid deadline is at or before `now`. */
  pastDeadline(now: string, limit: number): Promise<StoredChallenge[]>;
  /** Published challenges whose bid deadline lies after `after` and at or before `until`. */
  closingBetween(after: string, until: string): Promise<StoredChallenge[]>;
  /** The filed question deadlines before `until` (the oldest first, at most `limit`). */
  questionDeadlinesBefore(until: string, limit: number): Promise<FiledQuestionDeadline[]>;
  /** Takes a filed deadline off the list, and files `moved` instead if given. */
  refileQuestionDeadline(filed: FiledQuestionDeadline, moved?: FiledQuestionDeadline): Promise<void>;
  /** The most recently published of the challenges still published (open) that were published in [from, until): at most `limit`. */
  publishedBetween(from: string, until: string, limit: number): Promise<StoredChallenge[]>;
  audit(challengeId: string): Promise<StoredAuditEntry[]>;
  questions(challengeId: string): Promise<StoredQuestion[]>;
  question(challengeId: string, questionId: string): Promise<StoredQuestion | undefined>;
  ask(question: StoredQuestion): Promise<void>;
  /** Stores the answer, its audit line and its emails in one transaction, only if it was not answered yet. */
  answer(
    question: StoredQuestion,
    answer: Required<Pick<StoredQuestion, 'answer' | 'answeredAt' | 'answeredByUserId'>>,
    audit: StoredAuditEntry,
    emails: OwedEmail[],
  ): Promise<boolean>;
  follow(challengeId: string, firmId: string, userId: string, at: string): Promise<void>;
  unfollow(challengeId: string, firmId: string): Promise<void>;
  isFollowing(challengeId: string, firmId: string): Promise<boolean>;
  followers(challengeId: string): Promise<string[]>;
  /** The challenges this firm follows, most recently followed first. */
  followedBy(firmId: string, page: PageRequest): Promise<Page<StoredChallenge>>;
  acceptNda(challengeId: string, firmId: string, userId: string, at: string): Promise<void>;
  ndaAccepted(challengeId: string, firmId: string): Promise<boolean>;
}

/** A firm's place in a challenge's bidding: lead of a bid, or partner in one. */
export interface BiddingFirm {
  organisationId: string;
  bidId: string;
  role: 'lead' | 'partner';
}

/**
 * What a challenge reads of the bids on it (the bids' store answers it): a challenge shows how many
 * sealed bids it has and the viewer's own bid, and bidders hear of answers and amendments.
 */
export interface ChallengeBidding {
  /** How many bids were submitted (sealed) on the challenge. */
  sealedBidCount(challengeId: string): Promise<number>;
  /** The firm's place in the challenge's bidding, if it has one. */
  bidder(challengeId: string, organisationId: string): Promise<BiddingFirm | undefined>;
  /** Every firm with a place in the challenge's bidding: leads and confirmed partners. */
  bidders(challengeId: string): Promise<BiddingFirm[]>;
  /** These bids' statuses, each named by its challenge and id; missing ones are left out. */
  bidsAt(keys: { challengeId: string; bidId: string }[]): Promise<{ bidId: string; status: BidStatus }[]>;
}

/** What the challenge use cases need. */
export interface ChallengePorts {
  challenges: ChallengeStore;
  organisations: OrganisationStore;
  bids: ChallengeBidding;
  /** The cluster staff's addresses: they moderate. */
  staffEmails: readonly string[];
  /** How often a firm may make Crossover email others about one bid per day. */
  limits: DailyLimits;
  now(): Date;
  newId(): string;
}

/** Who is looking at or acting on a challenge, in the domain's terms. */
export interface Viewer {
  userId?: string;
  staff: boolean;
  organisationId?: string;
  organisationKind?: 'commissioner' | 'creative';
  organisationVerified: boolean;
}

/** A signed-in member of a verified creative firm, acting for it. */
export type Firm = Viewer & { userId: string; organisationId: string };
