/**
 * The Queries that read a whole partition (no `Limit`), each bounded by what one thing can hold
 * rather than by the size of the marketplace. Every other Query reads one page (`pages.ts`); the
 * route budget walk (test/integration/authorisation.test.ts) fails on a Scan, and on a Query without
 * a `Limit` on any partition not named here. `<…>` stands for one id or address.
 */
export const wholePartitionReads = [
  { index: 'table', partition: 'SIGNIN#<email>', sortKeyBeginsWith: 'CODE#', boundedBy: '5 codes an hour per address, each expiring after 15 minutes' },
  { index: 'gsi2', partition: 'USER#<userId>#SESSIONS', sortKeyBeginsWith: '', boundedBy: 'sessions expire after 12 hours' },
  {
    index: 'gsi2',
    partition: 'ORG#<organisationId>#MEMBERS',
    sortKeyBeginsWith: '',
    boundedBy: "the organisation's team, each member joining by an invitation under a daily allowance",
  },
  { index: 'gsi2', partition: 'ORG#<organisationId>#INVITES', sortKeyBeginsWith: '', boundedBy: 'the daily invitation allowance, each invitation lapsing after 30 days' },
  { index: 'table', partition: 'INVITE#<email>', sortKeyBeginsWith: 'ORG#', boundedBy: 'one invitation per inviting organisation, each lapsing after 30 days' },
  { index: 'table', partition: 'RECIPIENT#<email>', sortKeyBeginsWith: 'EVENT#', boundedBy: 'delivered events expire after 30 days' },
  { index: 'table', partition: 'CHALLENGE#<challengeId>', sortKeyBeginsWith: 'QUESTION#', boundedBy: 'questions only until the question deadline' },
  { index: 'table', partition: 'CHALLENGE#<challengeId>', sortKeyBeginsWith: 'AUDIT#', boundedBy: "one line per change of one challenge's life" },
  { index: 'table', partition: 'CHALLENGE#<challengeId>', sortKeyBeginsWith: 'FOLLOW#', boundedBy: 'one follow per firm' },
  { index: 'table', partition: 'CHALLENGE#<challengeId>', sortKeyBeginsWith: 'BIDDER#', boundedBy: 'one bid per firm' },
  { index: 'table', partition: 'CHALLENGE#<challengeId>', sortKeyBeginsWith: 'BID#', boundedBy: 'one bid per firm' },
  { index: 'table', partition: 'CHALLENGE#<challengeId>', sortKeyBeginsWith: 'PARTNER#<bidId>#', boundedBy: "one bid's consortium, its invitations under a daily allowance" },
  { index: 'table', partition: 'CHALLENGE#<challengeId>', sortKeyBeginsWith: 'BIDAUDIT#<bidId>#', boundedBy: "one line per change of one bid's life" },
  { index: 'table', partition: 'CHALLENGE#<challengeId>', sortKeyBeginsWith: 'SCORE#', boundedBy: 'its evaluators × its bids' },
] as const;

/** Is this Query, sent without a `Limit`, one of the whole-partition reads above? */
export function isWholePartitionRead(index: string, partition: string, sortKeyBeginsWith: string): boolean {
  const matches = (template: string, value: string) => new RegExp(`^${template.replace(/<\w+>/g, '[^#]+')}$`).test(value);
  return wholePartitionReads.some((read) => read.index === index && matches(read.partition, partition) && matches(read.sortKeyBeginsWith, sortKeyBeginsWith));
}
