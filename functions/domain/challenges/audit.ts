import type { StoredAuditEntry, StoredChallenge } from './ports.ts';

const shown = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
};

/** Which fields differ between two versions, with their old and new values (long ones shortened). */
export function changedFields(before: Partial<StoredChallenge>, after: Partial<StoredChallenge>, fields: readonly (keyof StoredChallenge)[]) {
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, ...(before[field] !== undefined ? { from: shown(before[field]) } : {}), ...(after[field] !== undefined ? { to: shown(after[field]) } : {}) }));
}

/** One audit line. */
export function auditEntry(
  challengeId: string,
  entryId: string,
  at: Date,
  action: string,
  actor: { role: StoredAuditEntry['actorRole']; userId?: string },
  extra: { note?: string; changes?: StoredAuditEntry['changes'] } = {},
): StoredAuditEntry {
  return {
    challengeId,
    entryId,
    at: at.toISOString(),
    action,
    actorRole: actor.role,
    ...(actor.userId ? { actorUserId: actor.userId } : {}),
    ...(extra.note ? { note: extra.note } : {}),
    changes: extra.changes ?? [],
  };
}
