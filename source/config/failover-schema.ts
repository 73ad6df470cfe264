/**
 * Elastic IP failover pairs in the config file (`failover.<name>`): one EIP,
 * the instance that normally holds it, the one that takes over, and how to
 * tell whether each answers. Every field is checked here so a typo is named
 * before the guard runs, never discovered at the moment of a failover.
 */
import * as z from 'zod/mini';
import { nonEmpty, port } from './zod-setup.js';

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const ALLOCATION = /^eipalloc-([0-9a-f]{8}|[0-9a-f]{17})$/;
const INSTANCE_ID = /^i-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** us-east-1, eu-central-2, us-gov-west-1 (config sits below aws/, so the rule is repeated). */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** An instance ID, or the instance's Name tag (looked up when used). */
const instanceRef = z.string().check(
  z.trim(),
  z.minLength(1, 'give an instance ID (i-...) or the Name tag of the instance'),
  z.refine((value) => !value.startsWith('i-') || INSTANCE_ID.test(value), {
    message: 'an instance ID is i- followed by 8 or 17 hex digits',
  }),
);

const httpCheckSchema = z.strictObject({
  port: z._default(port(), 80),
  /** The path asked for; it must start with `/`. */
  path: z._default(
    z
      .string()
      .check(z.regex(/^\/[^\s]*$/, 'a path starting with /, without spaces')),
    '/',
  ),
  /** The status that means healthy. */
  status: z._default(z.int().check(z.minimum(100), z.maximum(599)), 200),
});

const checkSchema = z
  .strictObject({
    http: z.optional(httpCheckSchema),
    tcp: z.optional(z.strictObject({ port: port() })),
    /** Seconds one check may take before it counts as a failure. */
    timeout: z._default(z.number().check(z.positive(), z.maximum(60)), 2),
    /** Which of each instance's own addresses is checked directly. */
    address: z._default(z.enum(['private', 'public']), 'private'),
  })
  .check(
    z.refine(
      (check) => (check.http === undefined) !== (check.tcp === undefined),
      {
        message:
          'set exactly one of http: { port, path, status } or tcp: { port }',
      },
    ),
  );

/** host:port, for checkTargets. */
const hostPort = z.string().check(
  z.regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'host:port, like 127.0.0.1:8081'),
  z.refine((value) => Number(value.split(':')[1]) <= 65535, {
    message: 'the port must be 1-65535',
  }),
);

export const failoverPairSchema = z
  .strictObject({
    /** The Elastic IP: its public address or its allocation ID. */
    eip: z.string().check(
      z.trim(),
      z.refine((value) => IPV4.test(value) || ALLOCATION.test(value), {
        message:
          'give the public IPv4 address or the allocation ID (eipalloc-...)',
      }),
    ),
    region: z.optional(
      z.string().check(z.regex(REGION, 'a region code, like eu-west-1')),
    ),
    profile: z.optional(nonEmpty()),
    /** Where the address normally is. */
    active: instanceRef,
    /** Where it goes when the active one fails. */
    standby: instanceRef,
    check: checkSchema,
    /** Seconds between two rounds of checks. */
    interval: z._default(z.number().check(z.minimum(1), z.maximum(3600)), 5),
    /** Failed checks in a row, directly and through the EIP, before a switch. */
    failures: z._default(z.int().check(z.minimum(1), z.maximum(100)), 3),
    /** Seconds after a switch during which the guard does not switch again. */
    cooldown: z._default(z.number().check(z.minimum(0), z.maximum(86400)), 300),
    /**
     * For tests and the lab only: send an instance's checks to host:port
     * instead of its own address, keyed by the instance as written in active
     * or standby; the check through the EIP goes to the target of whichever
     * instance holds the address.
     */
    checkTargets: z.optional(z.record(z.string(), hostPort)),
  })
  .check(
    z.superRefine((pair, context) => {
      if (pair.active === pair.standby)
        context.addIssue({
          code: 'custom',
          path: ['standby'],
          message: 'must be another instance than active',
        });
      if (pair.check.timeout >= pair.interval)
        context.addIssue({
          code: 'custom',
          path: ['check', 'timeout'],
          message: `must be shorter than interval (${String(pair.interval)} s)`,
        });
      for (const key of Object.keys(pair.checkTargets ?? {}))
        if (key !== pair.active && key !== pair.standby)
          context.addIssue({
            code: 'custom',
            path: ['checkTargets', key],
            message: 'not one of the pair: use the active or standby value',
          });
    }),
  );

/** Pair names are used in commands and file names: keep them plain. */
export const failoverSchema = z.record(
  z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/)),
  failoverPairSchema,
  {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? 'a pair name is letters, digits, _ . - (up to 64)'
        : undefined,
  },
);

export type FailoverPair = z.infer<typeof failoverPairSchema>;
