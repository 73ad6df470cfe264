/**
 * The bucket source's pure parts: its plan (one step per item the source
 * has, minus those left out), when the create step makes the bucket and
 * when it knows it as its own, the draft's name suggestion, the finish
 * notes, and the subcommand's flags.
 */
import { describe, expect, it } from 'vitest';
import { bucketRequest } from '../../../source/commands/ebs-copy/bucket-args.js';
import { UsageError } from '../../../source/commands/command-io.js';
import { createDecision } from '../../../source/wizards/ebs-copy/bucket/create-decision.js';
import { bucketNotes } from '../../../source/wizards/ebs-copy/bucket/bucket-summary.js';
import { buildPlan } from '../../../source/wizards/ebs-copy/plan.js';
import { checkRequest } from '../../../source/wizards/ebs-copy/checks/request-checks.js';
import type { Journal } from '../../../source/wizards/ebs-copy/run-types.js';
import type {
  CopyRequest,
  SourceFacts,
} from '../../../source/wizards/ebs-copy/types.js';
import { requestOf } from '../../../source/wizards/ebs-copy/views/draft.js';
import {
  initialState,
  nextState,
  type WizardState,
} from '../../../source/wizards/ebs-copy/views/wizard-state.js';
import { FAKE_BUCKET } from '../../helpers/fakes/fake-ebs-copy.js';

const request = (skip: CopyRequest['bucket'] = undefined): CopyRequest => ({
  source: { kind: 'bucket', id: 'opsdeck-lab-logs', region: 'us-east-1' },
  target: { region: 'eu-west-1', encryption: { mode: 'keep' } },
  tags: { mode: 'all' },
  bucket: skip ?? { targetName: 'logs-eu', skip: [] },
});

const facts: SourceFacts = {
  kind: 'bucket',
  id: 'opsdeck-lab-logs',
  region: 'us-east-1',
  name: 'opsdeck-lab-logs',
  state: 'exists',
  sizeGiB: 0,
  encrypted: false,
  tags: { team: 'web' },
  bucket: FAKE_BUCKET,
};

describe('bucket plan', () => {
  it('creates the bucket, applies each item the source has, then copies the contents', () => {
    const plan = buildPlan(request(), facts);
    expect(plan.map((step) => step.id)).toEqual([
      'create-bucket',
      'bucket-versioning',
      'bucket-lifecycle',
      'bucket-tags',
      'bucket-policy',
      'copy-contents',
    ]);
    expect(plan[0]?.creates).toEqual([
      expect.objectContaining({ type: 'bucket', region: 'eu-west-1' }),
    ]);
    expect(plan[4]?.title).toContain(
      'arn:aws:s3:::opsdeck-lab-logs rewritten to arn:aws:s3:::logs-eu',
    );
    expect(plan[5]?.title).toBe(
      'Copy 1,200 objects (5 MiB) to logs-eu, server-side: 1,200 copy requests, 5 MiB billed between regions',
    );
  });

  it('leaves out the items the user turned off', () => {
    const plan = buildPlan(
      request({ targetName: 'logs-eu', skip: ['policy', 'tags', 'cors'] }),
      facts,
    );
    expect(plan.map((step) => step.id)).toEqual([
      'create-bucket',
      'bucket-versioning',
      'bucket-lifecycle',
      'copy-contents',
    ]);
  });

  it('leaves out default encryption with a KMS key of another region', () => {
    const plan = buildPlan(request(), {
      ...facts,
      bucket: {
        ...FAKE_BUCKET,
        configuration: {
          encryption: {
            Rules: [
              {
                ApplyServerSideEncryptionByDefault: {
                  SSEAlgorithm: 'aws:kms',
                  KMSMasterKeyID:
                    'arn:aws:kms:us-east-1:123456789012:key/1234abcd',
                },
              },
            ],
          },
        },
        items: ['encryption'],
      },
    });
    expect(plan.map((step) => step.id)).toEqual([
      'create-bucket',
      'copy-contents',
    ]);
  });

  it('checks the new name against the naming rules before any call', () => {
    const problems = checkRequest(request({ targetName: 'Logs_EU', skip: [] }));
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'blocker', code: 'target-name' }),
    ]);
    expect(checkRequest(request())).toEqual([]);
  });
});

describe('making the target bucket once', () => {
  const free = { usable: true, exists: false } as const;
  const there = { usable: true, exists: true } as const;
  it('uses the journalled bucket without asking S3', () => {
    expect(
      createDecision({ journalled: true, targetRegion: 'eu-west-1' }),
    ).toEqual({ action: 'journalled' });
  });
  it('makes it when the name is still free', () => {
    expect(
      createDecision({
        journalled: false,
        check: free,
        targetRegion: 'eu-west-1',
      }),
    ).toEqual({ action: 'create' });
  });
  it('knows a bucket made before the journal was written: it exists, ours, in the target region', () => {
    expect(
      createDecision({
        journalled: false,
        check: there,
        foundRegion: 'eu-west-1',
        targetRegion: 'eu-west-1',
      }),
    ).toEqual({ action: 'found' });
  });
  it("refuses a bucket of that name elsewhere, or another account's", () => {
    expect(
      createDecision({
        journalled: false,
        check: there,
        foundRegion: 'us-west-2',
        targetRegion: 'eu-west-1',
      }),
    ).toEqual({
      action: 'refuse',
      why: 'a bucket of that name exists in us-west-2, not eu-west-1',
    });
    expect(
      createDecision({
        journalled: false,
        check: { usable: false, why: 'taken by another account' },
        targetRegion: 'eu-west-1',
      }),
    ).toEqual({ action: 'refuse', why: 'taken by another account' });
  });
});

describe('the draft of a bucket source', () => {
  const source = {
    kind: 'bucket',
    id: 'opsdeck-lab-logs',
    region: 'us-east-1',
  } as const;
  const draftOf = (state: WizardState) =>
    'draft' in state ? state.draft : undefined;

  it('suggests the name from the source and the region, and follows the region until edited', () => {
    let state = nextState(initialState(source), {
      type: 'choose-target',
      region: 'eu-west-1',
    });
    expect(draftOf(state)?.bucket?.targetName).toBe(
      'opsdeck-lab-logs-eu-west-1',
    );
    state = nextState(state, { type: 'choose-target', region: 'us-west-2' });
    expect(draftOf(state)?.bucket?.targetName).toBe(
      'opsdeck-lab-logs-us-west-2',
    );
    state = nextState(state, {
      type: 'set-options',
      options: { bucket: { targetName: 'logs-archive', skip: ['cors'] } },
    });
    state = nextState(state, { type: 'choose-target', region: 'eu-west-1' });
    const draft = draftOf(state);
    expect(draft?.bucket).toEqual({
      targetName: 'logs-archive',
      skip: ['cors'],
    });
    expect(draft && requestOf(draft)?.bucket).toEqual({
      targetName: 'logs-archive',
      skip: ['cors'],
    });
  });

  it('forgets the name when another source is chosen', () => {
    const state = nextState(
      nextState(initialState(source), {
        type: 'choose-target',
        region: 'eu-west-1',
      }),
      { type: 'choose-source', source: { ...source, id: 'other' } },
    );
    expect(draftOf(state)?.bucket).toBeUndefined();
  });
});

describe('the finish notes of a bucket run', () => {
  it('say what was copied, what was rewritten, and what opsdeck cannot see', () => {
    const journal: Journal = {
      version: 1,
      runId: 'mig-20261206-aaaaaa',
      createdAt: '',
      updatedAt: '',
      state: 'done',
      request: request({ targetName: 'logs-eu', skip: ['lifecycle'] }),
      facts,
      plan: [],
      steps: {
        'bucket-policy': {
          status: 'done',
          outputs: { applied: 'policy' },
          created: [],
        },
        'copy-contents': {
          status: 'done',
          outputs: { copied: '1150', unchanged: '50', bytes: '1024' },
          created: [],
        },
      },
    };
    const notes = bucketNotes(journal);
    expect(notes[0]).toBe(
      'copied 1,150 object(s), 1 KiB; 50 already in logs-eu',
    );
    expect(notes[1]).toBe('left out by choice: lifecycle rules');
    expect(notes[2]).toContain('the only reference opsdeck rewrote');
    expect(notes[3]).toContain('c runs a catch-up sync');
    expect(notes[4]).toContain(
      'opsdeck cannot see what else still points at opsdeck-lab-logs',
    );
  });
});

describe('opsdeck ebs-copy --bucket flags', () => {
  it('suggests the name and reads --skip-config in kebab case', () => {
    expect(
      bucketRequest(
        {
          bucket: 'logs',
          to: 'eu-west-1',
          skipConfig: 'cors, public-access-block',
        },
        'us-east-1',
      ).bucket,
    ).toEqual({
      targetName: 'logs-eu-west-1',
      skip: ['cors', 'publicAccessBlock'],
    });
  });
  it('refuses flags that mean nothing for a bucket', () => {
    expect(() =>
      bucketRequest(
        { bucket: 'logs', to: 'eu-west-1', az: 'eu-west-1a' },
        'us-east-1',
      ),
    ).toThrow(UsageError);
    expect(() =>
      bucketRequest(
        { bucket: 'logs', to: 'eu-west-1', skipConfig: 'acl' },
        'us-east-1',
      ),
    ).toThrow(/--skip-config acl is not one of versioning/);
  });
});
