/**
 * Whether the deletions of a sync may run. Deleting is where a sync loses
 * data, so every doubt means no deletion at all: a source listing that
 * failed, was cut short or came back empty (unless allowed), a transfer
 * that failed, or more deletions than --max-delete.
 */
export interface DeleteGuardInput {
  readonly planned: number;
  readonly maxDelete: number | undefined;
  /** Objects or files the source listing returned (before filters). */
  readonly sourceCount: number;
  readonly allowEmptySource: boolean;
  /** The source listing missed something (unreadable directory, cut short). */
  readonly sourceIncomplete: boolean;
  readonly transferFailures: number;
}

export type DeleteVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string };

export function checkDeletes(input: DeleteGuardInput): DeleteVerdict {
  if (input.planned === 0) return { allowed: true };
  if (input.sourceIncomplete)
    return {
      allowed: false,
      reason: `not deleting ${input.planned}: the source listing is incomplete (see the warnings)`,
    };
  if (input.transferFailures > 0)
    return {
      allowed: false,
      reason: `not deleting ${input.planned}: ${input.transferFailures} transfers failed`,
    };
  if (input.sourceCount === 0 && !input.allowEmptySource)
    return {
      allowed: false,
      reason: `not deleting ${input.planned}: the source is empty (wrong path?); pass --allow-empty-source if you mean it`,
    };
  if (input.maxDelete !== undefined && input.planned > input.maxDelete)
    return {
      allowed: false,
      reason: `not deleting ${input.planned}: more than --max-delete ${input.maxDelete}`,
    };
  return { allowed: true };
}
