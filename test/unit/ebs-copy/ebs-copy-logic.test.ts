/** The wizard's pure parts: state machine, flags, KMS key forms, rule rewriting, image checks. */
import { describe, expect, it } from 'vitest';
import { requestFromFlags } from '../../../source/commands/ebs-copy/command-args.js';
import { UsageError } from '../../../source/commands/command-io.js';
import { imageDifferences } from '../../../source/wizards/ebs-copy/checks/image-attributes.js';
import {
  checkKmsKeyId,
  kmsProblem,
} from '../../../source/wizards/ebs-copy/checks/kms-key.js';
import { rewriteRules } from '../../../source/wizards/ebs-copy/steps/security-groups.js';
import {
  carriedTags,
  clientToken,
} from '../../../source/wizards/ebs-copy/tags.js';
import type { Preflight } from '../../../source/wizards/ebs-copy/types.js';
import {
  canConfirm,
  initialState,
  nextState,
} from '../../../source/wizards/ebs-copy/views/wizard-state.js';
import type { Journal } from '../../../source/wizards/ebs-copy/run-types.js';

describe('the wizard state machine', () => {
  it('goes from source to review, and shows a run step by step', () => {
    let state = initialState();
    state = nextState(state, {
      type: 'choose-source',
      source: {
        kind: 'volume',
        id: 'vol-0123456789abcdef0',
        region: 'us-east-1',
      },
    });
    expect(state.step).toBe('target');
    state = nextState(state, {
      type: 'choose-target',
      region: 'eu-west-1',
      az: 'eu-west-1b',
    });
    state = nextState(state, {
      type: 'set-options',
      options: { encryption: { mode: 'default' } },
    });
    state = nextState(state, { type: 'check' });
    expect(state).toMatchObject({
      step: 'preflight',
      request: {
        target: {
          region: 'eu-west-1',
          az: 'eu-west-1b',
          encryption: { mode: 'default' },
        },
      },
    });
    const blocked: Preflight = {
      account: '1',
      facts: undefined,
      ok: false,
      problems: [{ severity: 'blocker', code: 'x', message: 'm', fix: 'f' }],
    };
    const review = nextState(state, {
      type: 'checked',
      preflight: blocked,
      plan: [],
    });
    expect(canConfirm(review)).toBe(false);
    expect(nextState(review, { type: 'back' }).step).toBe('options');
    const plan = [
      {
        id: 'copy-snapshot' as const,
        region: 'eu-west-1',
        title: 'Copy',
        creates: [],
      },
    ];
    const journal = {
      runId: 'mig-20260101-abcdef',
      plan,
      steps: {},
    } as unknown as Journal;
    let running = nextState(review, { type: 'started', journal });
    running = nextState(running, {
      type: 'progress',
      event: {
        type: 'step-progress',
        stepId: 'copy-snapshot',
        percent: 40,
        state: 'pending',
        detail: '',
      },
    });
    expect(running).toMatchObject({
      step: 'running',
      steps: [{ status: 'running', percent: 40, detail: 'pending' }],
    });
  });
});

describe('ebs-copy flags', () => {
  it('turn into a request', () => {
    expect(
      requestFromFlags(
        {
          volume: 'vol-1',
          to: 'eu-west-1',
          az: 'eu-west-1a',
          encrypt: 'alias/ebs',
          tags: 'Name,env',
          attach: 'i-1:/dev/sdf',
        },
        'us-east-1',
      ),
    ).toEqual({
      source: { kind: 'volume', id: 'vol-1', region: 'us-east-1' },
      target: {
        region: 'eu-west-1',
        az: 'eu-west-1a',
        encryption: { mode: 'kms', keyId: 'alias/ebs' },
      },
      tags: { mode: 'only', keys: ['Name', 'env'] },
      attachTo: { instanceId: 'i-1', device: '/dev/sdf' },
    });
  });
  it('refuse two sources, a missing target and launch options on a volume', () => {
    expect(() =>
      requestFromFlags(
        { volume: 'vol-1', snapshot: 'snap-1', to: 'x' },
        'us-east-1',
      ),
    ).toThrow(UsageError);
    expect(() => requestFromFlags({ volume: 'vol-1' }, 'us-east-1')).toThrow(
      '--to REGION is required',
    );
    expect(() =>
      requestFromFlags(
        { volume: 'vol-1', to: 'eu-west-1', launch: true },
        'us-east-1',
      ),
    ).toThrow('--instance only');
    expect(() =>
      requestFromFlags(
        { snapshot: 'snap-1', to: 'eu-west-1', registerSnapshots: true },
        'us-east-1',
      ),
    ).toThrow('--register-snapshots applies to --instance and --image only');
    expect(
      requestFromFlags(
        { image: 'ami-1', to: 'eu-west-1', registerSnapshots: true },
        'us-east-1',
      ).registerFromSnapshots,
    ).toBe(true);
  });
});

describe('small rules', () => {
  it('check KMS key forms and regions', () => {
    expect(
      checkKmsKeyId('1234abcd-12ab-34cd-56ef-1234567890ab', 'eu-west-1'),
    ).toBe('1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(() => checkKmsKeyId('my-key', 'eu-west-1')).toThrow(
      'is not a KMS key ID, alias or ARN',
    );
    expect(() =>
      checkKmsKeyId('arn:aws:kms:us-east-1:123456789012:alias/x', 'eu-west-1'),
    ).toThrow('is in us-east-1, not in eu-west-1');
    expect(
      kmsProblem('AccessDeniedException', 'not authorized to use the KMS key'),
    ).toBe('denied');
    expect(kmsProblem('InvalidParameterValue', 'KMS key does not exist')).toBe(
      'missing',
    );
    expect(
      kmsProblem('InvalidParameterValue', 'size too small'),
    ).toBeUndefined();
  });
  it('rewrite group references and report what cannot carry over', () => {
    const rules = [
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        UserIdGroupPairs: [{ GroupId: 'sg-a' }, { GroupId: 'sg-gone' }],
      },
      {
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        PrefixListIds: [{ PrefixListId: 'pl-1' }],
      },
    ];
    expect(rewriteRules(rules, { 'sg-a': 'sg-new' })).toEqual({
      permissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          UserIdGroupPairs: [{ GroupId: 'sg-new' }],
        },
      ],
      dropped: [
        'tcp 22 from sg-gone (group not copied)',
        'tcp 443 from pl-1 (prefix lists are regional)',
      ],
    });
  });
  it('compare image attributes, billing included', () => {
    const base = {
      architecture: 'x86_64',
      virtualization: 'hvm',
      enaSupport: true,
      bootMode: 'uefi',
      platformDetails: 'Red Hat Enterprise Linux',
      usageOperation: 'RunInstances:0010',
    };
    expect(imageDifferences(base, base)).toEqual([]);
    expect(
      imageDifferences(base, {
        ...base,
        bootMode: 'legacy-bios',
        platformDetails: 'Linux/UNIX',
      }),
    ).toEqual([
      'boot mode: uefi in the source, legacy-bios in the copy',
      'platform details (billing): Red Hat Enterprise Linux in the source, Linux/UNIX in the copy',
    ]);
  });
  it('carry user tags only, and keep tokens within 64 characters', () => {
    expect(
      carriedTags(
        {
          Name: 'a',
          'aws:cloudformation:stack': 's',
          'opsdeck:migration': 'old',
          env: 'p',
        },
        { mode: 'all' },
      ),
    ).toEqual({ Name: 'a', env: 'p' });
    expect(
      clientToken(
        'mig-20260101-abcdef',
        'copy-security-groups',
        'x'.repeat(80),
      ),
    ).toHaveLength(64);
  });
});
