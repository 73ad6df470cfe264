/**
 * Confirmation levels (DESIGN.md, Safety): none for reads, yes/no with the
 * focus on No for reversible writes, typed for irreversible ones.
 */
export type ConfirmLevel = 'none' | 'yes-no' | 'typed';

export interface ConfirmRequest {
  readonly level: Exclude<ConfirmLevel, 'none'>;
  /** "Terminate 2 instances" */
  readonly title: string;
  /** Every target, one per line; bulk actions list them all. */
  readonly targets: readonly string[];
  /** Consequences worth reading before saying yes. */
  readonly warnings?: readonly string[];
  /** For typed confirmation: the exact text to type (an ID or a name). */
  readonly expected?: string;
  /** Label of the affirmative button: "Terminate", "Stop". */
  readonly action: string;
}

/** Typed confirmation matches exactly: no trimming, no case folding. */
export function typedMatches(
  expected: string | undefined,
  typed: string,
): boolean {
  return expected !== undefined && expected.length > 0 && typed === expected;
}

/** How much of `expected` the input already gets right, for live colouring. */
export function typedPrefixLength(expected: string, typed: string): number {
  let index = 0;
  while (
    index < typed.length &&
    index < expected.length &&
    typed[index] === expected[index]
  )
    index++;
  return index;
}
