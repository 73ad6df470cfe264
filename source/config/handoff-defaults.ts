/**
 * The `handoff:` defaults and the role ARN rule, apart from their schema so
 * that the console (which needs the defaults and checks typed ARNs) does not
 * load zod, which only a config file needs.
 */
export const DEFAULT_HANDOFF = {
  minObjects: 1_000_000,
  minBytes: 2 ** 40,
  priority: 10,
} as const;

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
export const ROLE_ARN_RULE =
  'an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>';

/** What is wrong with a role ARN typed in a dialog or a flag; undefined when it is one. */
export function roleArnProblem(value: string): string | undefined {
  return ROLE_ARN.test(value.trim()) ? undefined : ROLE_ARN_RULE;
}
