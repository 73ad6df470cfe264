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
  /** Other texts that confirm too (an instance's Name besides its ID). */
  readonly alsoAccepted?: readonly string[];
  /** Label of the affirmative button: "Terminate", "Stop". */
  readonly action: string;
  /** Switches the user can flip before confirming (dry run, force). */
  readonly options?: readonly ConfirmOption[];
}

/** A switch in a confirmation; each has its own key in the keymap (dialog scope). */
export interface ConfirmOption {
  readonly id: 'dryRun' | 'force';
  /** A word or two: "dry run", "force". */
  readonly label: string;
  /** What it means, after the key: cut first when the dialog is narrow. */
  readonly hint?: string;
  /** Shown while the switch is on. */
  readonly warning?: string;
  readonly initial?: boolean;
}

export interface ConfirmAnswer {
  readonly confirmed: boolean;
  /** The switches as they were when the user confirmed. */
  readonly options: Readonly<Partial<Record<ConfirmOption['id'], boolean>>>;
}

export const DECLINED: ConfirmAnswer = { confirmed: false, options: {} };

/** The dry-run switch, worded once for every EC2 write. */
export const DRY_RUN_OPTION: ConfirmOption = {
  id: 'dryRun',
  label: 'dry run',
  hint: 'EC2 only checks whether this would be allowed; nothing changes',
};

/** Typed confirmation matches exactly: no trimming, no case folding. */
export function typedMatches(
  expected: string | undefined,
  typed: string,
  alsoAccepted: readonly string[] = [],
): boolean {
  return [expected, ...alsoAccepted].some(
    (text) => text !== undefined && text.length > 0 && typed === text,
  );
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
