/**
 * The `handoff:` defaults, apart from their schema so that the console's first
 * frame (which needs the defaults) does not load zod (which only a config file
 * needs).
 */
export const DEFAULT_HANDOFF = {
  minObjects: 1_000_000,
  minBytes: 2 ** 40,
  priority: 10,
} as const;
