import { describe, expect, it } from 'vitest';
import {
  decideHandoff,
  describeOffer,
  type CopySize,
} from '../../../source/s3sync/handoff/decide.js';
import { configSchema } from '../../../source/config/schema.js';
import {
  rewritePolicy,
  suggestTargetName,
} from '../../../source/aws/s3/bucket-config/config-plan.js';

const thresholds = { minObjects: 1_000_000, minBytes: 2 ** 40 };
const both = {
  batch: { allowed: true, why: 'role' },
  datasync: { allowed: true, why: 'role' },
};
const size = (overrides: Partial<CopySize>): CopySize => ({
  objects: 0,
  bytes: 0,
  crossRegion: false,
  measuredBy: 'listing',
  ...overrides,
});

describe('handing a copy to AWS', () => {
  it('keeps a small copy in opsdeck', () => {
    const decision = decideHandoff(
      size({ objects: 999_999, bytes: 2 ** 39 }),
      thresholds,
      both,
    );
    expect(decision.large).toBe(false);
    expect(decision.offers).toEqual([]);
  });

  it('at 100 KB an object, Batch Operations (billed per object, not per GB) costs less', () => {
    const decision = decideHandoff(
      size({ objects: 5_000_000, bytes: 5_000_000 * 100_000 }),
      thresholds,
      both,
    );
    const [batch, dataSync] = decision.offers;
    expect(batch).toMatchObject({
      engine: 'batch',
      recommended: true,
      costPerMillion: 6,
    });
    expect(dataSync?.recommended).toBe(false);
    expect(batch?.estimatedCost).toBeCloseTo(0.25 + 5 * 6);
    expect(describeOffer(batch!)).toMatch(
      /^\* S3 Batch Operations copy job: \$6\.00 per million objects/,
    );
  });

  it('few big objects past 1 TiB: DataSync, and Batch cannot copy over 5 GiB', () => {
    const decision = decideHandoff(
      size({
        objects: 200,
        bytes: 2 ** 41,
        largestObjectBytes: 6 * 2 ** 30,
        crossRegion: true,
      }),
      thresholds,
      both,
    );
    const [batch, dataSync] = decision.offers;
    expect(batch).toMatchObject({ allowed: false, recommended: false });
    expect(batch?.reason).toContain('5 GiB');
    expect(dataSync?.recommended).toBe(true);
    expect(decision.why).toContain('cross-region transfer');
  });

  it('offers only what the account allows, saying what is missing', () => {
    const decision = decideHandoff(
      size({ objects: 2_000_000, bytes: 1e9 }),
      thresholds,
      {
        batch: {
          allowed: false,
          why: 'no IAM role for it: set handoff.batchRoleArn in config.yaml',
        },
        datasync: { allowed: true, why: 'role' },
      },
    );
    expect(
      decision.offers.map((offer) => [offer.engine, offer.recommended]),
    ).toEqual([
      ['batch', false],
      ['datasync', true],
    ]);
    expect(decision.offers[0]?.reason).toContain('handoff.batchRoleArn');
  });
});

describe('handoff config', () => {
  it('takes sizes with units and names the field of a bad role', () => {
    const parsed = configSchema.parse({ handoff: { minBytes: '500 GB' } });
    expect(parsed.handoff).toMatchObject({
      minBytes: 500e9,
      minObjects: 1_000_000,
    });
    const bad = configSchema.safeParse({ handoff: { batchRoleArn: 'admin' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['handoff', 'batchRoleArn']);
    expect(
      configSchema.safeParse({ handoff: { minBytes: 'lots' } }).success,
    ).toBe(false);
  });
});

describe('bucket copy naming and policy', () => {
  it('suggests the source name with the region, replacing a region suffix', () => {
    expect(suggestTargetName('acme-media', 'eu-west-1')).toBe(
      'acme-media-eu-west-1',
    );
    expect(suggestTargetName('acme-media-us-east-1', 'eu-west-1')).toBe(
      'acme-media-eu-west-1',
    );
    expect(suggestTargetName('x'.repeat(63), 'eu-west-1')).toHaveLength(63);
  });

  it('rewrites the bucket own ARNs only', () => {
    const policy = JSON.stringify({
      Resource: [
        'arn:aws:s3:::media',
        'arn:aws:s3:::media/*',
        'arn:aws:s3:::media-logs/*',
      ],
    });
    expect(JSON.parse(rewritePolicy(policy, 'media', 'media-eu'))).toEqual({
      Resource: [
        'arn:aws:s3:::media-eu',
        'arn:aws:s3:::media-eu/*',
        'arn:aws:s3:::media-logs/*',
      ],
    });
  });
});
