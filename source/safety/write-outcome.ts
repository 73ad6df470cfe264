/** What a write call answers: its result, the dry-run verdict, or per-target results of a bulk action. */

export interface DryRunResult {
  readonly allowed: boolean;
  /** Why not, when not allowed ("permission denied for ec2:StopInstances", ...). */
  readonly reason?: string;
}

/** A write's answer: its result, or only the dry-run verdict. */
export type Outcome<T> =
  { readonly dryRun: DryRunResult } | { readonly result: T };

/** Bulk actions report per target: one bad instance must not hide the others' results. */
export interface BulkOutcome {
  readonly dryRun?: DryRunResult;
  readonly succeeded: readonly string[];
  readonly failed: readonly { readonly id: string; readonly message: string }[];
}
