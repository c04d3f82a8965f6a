import type { MatchAgainst, MatchReason } from '$shared/matching.ts';
import { budgetRange } from '$lib/challenge-format.ts';
import { formatEuros } from '$lib/format.ts';
import { m } from '$lib/paraglide/messages.js';
import { disciplineLabel, municipalityName, sectorLabel, sizeBandLabel } from '$lib/vocabulary.ts';

/** Why a firm fits, in the page's language: one sentence per reason code (docs/matching.md). */
export function reasonText(reason: MatchReason): string {
  switch (reason.kind) {
    case 'disciplines': {
      const disciplines = reason.shared.map(disciplineLabel).join(', ');
      if (reason.shared.length === reason.asked) return m.match_reason_disciplines_all({ disciplines });
      return m.match_reason_disciplines({ disciplines, shared: reason.shared.length, asked: reason.asked });
    }
    case 'sector':
      return m.match_reason_sector({ sector: sectorLabel(reason.sector) });
    case 'budget':
      return m.match_reason_budget({
        budget: budgetRange(reason.budgetMinCents, reason.budgetMaxCents),
        size: sizeBandLabel(reason.sizeBand),
        usual: reason.usualMaxCents === null ? m.match_usual_from({ amount: formatEuros(reason.usualMinCents) }) : budgetRange(reason.usualMinCents, reason.usualMaxCents),
      });
    case 'size':
      return m.match_reason_size({ size: sizeBandLabel(reason.sizeBand), team: reason.teamNeeded });
    case 'municipality':
      return m.match_reason_municipality({ municipality: municipalityName(reason.municipality) });
    case 'remote':
      return m.match_reason_remote();
    case 'past_awards':
      return m.match_reason_past_awards({ sector: sectorLabel(reason.sector), awards: reason.awards });
  }
}

/** What counts against a firm, in the page's language. */
export function againstText(item: MatchAgainst): string {
  switch (item.kind) {
    case 'no_shared_discipline':
      return m.match_against_no_shared_discipline();
    case 'budget_below_range':
      return m.match_against_budget_below_range({ budget: formatEuros(item.budgetMaxCents), size: sizeBandLabel(item.sizeBand), usual: formatEuros(item.usualMinCents) });
    case 'budget_above_range':
      return m.match_against_budget_above_range({ budget: formatEuros(item.budgetMinCents), size: sizeBandLabel(item.sizeBand), usual: formatEuros(item.usualMaxCents) });
    case 'size_too_small':
      return m.match_against_size_too_small({ size: sizeBandLabel(item.sizeBand), team: item.teamNeeded });
    case 'size_far_too_small':
      return m.match_against_size_far_too_small({ size: sizeBandLabel(item.sizeBand), team: item.teamNeeded });
  }
}
