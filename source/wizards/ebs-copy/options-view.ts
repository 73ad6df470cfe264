/**
 * The wizard's options as a form (encryption, tags, volume type, and for an
 * instance how to image it and what to recreate), and the form's answers as
 * draft options. Pure.
 */
import {
  checkDevice,
  suggestDevice,
  VOLUME_SIZES,
} from '../../aws/ec2/validate.js';
import {
  checked,
  isOn,
  NO,
  YES,
  type FormField,
  type FormSpec,
  type FormValues,
} from '../../form.js';
import { checkKmsKeyId } from './kms-key.js';
import type { Placement } from './target-placement.js';
import type { Consistency, Encryption, TagChoice } from './types.js';
import type { Draft } from './wizard-state.js';

const ENCRYPTION = ['keep', 'default', 'kms'] as const;
const TAGS = ['all', 'none', 'only'] as const;
const CONSISTENCY: readonly Consistency[] = [
  'reboot',
  'stop-first',
  'no-reboot',
];
const AS_SOURCE = 'as source';
const NONE = 'none';
const DEFAULT_SUBNET = 'default';

const yesNo = (on: boolean) => (on ? YES : NO);

function tagKeys(text: string): string[] {
  return text
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '');
}

/** Attach to an instance of the target zone, and the device, checked like the volumes pane does. */
function attachFields(draft: Draft, placement: Placement): FormField[] {
  const instances = placement.instances;
  const chosen = draft.attachTo?.instanceId;
  const usedBy = (id: string | undefined) =>
    instances.find((instance) => instance.id === id)?.devices ?? [];
  const names = instances
    .map(
      (instance) =>
        `${instance.id.slice(-6)} ${instance.name || instance.state}`,
    )
    .join(', ');
  return [
    {
      name: 'attachTo',
      label: 'Attach to',
      kind: 'choice',
      choices: [NONE, ...instances.map((instance) => instance.id)],
      initial:
        chosen !== undefined &&
        instances.some((instance) => instance.id === chosen)
          ? chosen
          : NONE,
      hint:
        instances.length === 0
          ? `no running or stopped instance in ${draft.az ?? 'the zone'}`
          : `in ${draft.az ?? 'the zone'}: ${names}`,
    },
    {
      name: 'device',
      label: 'Device',
      initial:
        draft.attachTo?.device ??
        suggestDevice(usedBy(instances[0]?.id)) ??
        '/dev/sdf',
      placeholder: '/dev/sdf (with attach)',
      validate(value, values) {
        const instance = values['attachTo'];
        if (instance === undefined || instance === NONE) return undefined;
        const problem = checked(() => checkDevice(value.trim()));
        if (problem !== undefined) return problem;
        return usedBy(instance).includes(value.trim())
          ? `${instance} already uses ${value.trim()}; try ${suggestDevice(usedBy(instance)) ?? 'another name'}`
          : undefined;
      },
    },
  ];
}

function subnetField(draft: Draft, placement: Placement): FormField {
  const subnets = placement.subnets;
  const chosen = draft.instance.subnetId;
  return {
    name: 'subnet',
    label: 'Subnet',
    kind: 'choice',
    choices: [DEFAULT_SUBNET, ...subnets.map((subnet) => subnet.id)],
    initial:
      chosen !== undefined && subnets.some((subnet) => subnet.id === chosen)
        ? chosen
        : DEFAULT_SUBNET,
    hint: `launch in (with launch): ${subnets.map((subnet) => `${subnet.id.slice(-6)} ${subnet.name || subnet.cidr}`).join(', ') || `no subnet listed in ${draft.az ?? 'the zone'}`}`,
  };
}

export function optionsForm(draft: Draft, placement?: Placement): FormSpec {
  const region = draft.targetRegion ?? '';
  const encryption = draft.encryption;
  const kind = draft.source?.kind;
  const fields: FormField[] = [
    {
      name: 'encryption',
      label: 'Encryption',
      kind: 'choice',
      choices: ENCRYPTION,
      initial: encryption.mode,
      hint: 'keep: as the source; default: the target default key; kms: a key of the target',
    },
    {
      name: 'kmsKey',
      label: 'KMS key',
      initial: encryption.mode === 'kms' ? encryption.keyId : '',
      placeholder: 'key ID, alias/name or ARN (with kms)',
      validate: (value, values) =>
        values['encryption'] !== 'kms'
          ? value.trim() === ''
            ? undefined
            : 'only used with kms encryption; empty it or choose kms'
          : value.trim() === ''
            ? `a KMS key of ${region} is needed with kms`
            : checked(() => checkKmsKeyId(value.trim(), region)),
    },
    {
      name: 'tags',
      label: 'Tags to carry',
      kind: 'choice',
      choices: TAGS,
      initial: draft.tags.mode,
      hint: 'the copy always gets opsdeck:migration with the run ID',
    },
    {
      name: 'tagKeys',
      label: 'Tag keys',
      initial: draft.tags.mode === 'only' ? draft.tags.keys.join(', ') : '',
      placeholder: 'Name, env (with only)',
      validate: (value, values) =>
        values['tags'] === 'only' && tagKeys(value).length === 0
          ? 'name the tag keys to carry, separated by commas'
          : undefined,
    },
  ];
  if (kind === 'volume')
    fields.push({
      name: 'volumeType',
      label: 'Volume type',
      kind: 'choice',
      choices: [AS_SOURCE, ...Object.keys(VOLUME_SIZES)],
      initial: draft.volumeType ?? AS_SOURCE,
    });
  if (kind === 'volume' && placement !== undefined)
    fields.push(...attachFields(draft, placement));
  if (kind === 'instance') {
    const options = draft.instance;
    fields.push(
      {
        name: 'consistency',
        label: 'Imaging',
        kind: 'choice',
        choices: CONSISTENCY,
        initial: options.consistency,
        hint: 'reboot: consistent, a minute down; stop-first: stays stopped; no-reboot: crash-consistent, may need fsck',
      },
      {
        name: 'launch',
        label: 'Launch copy',
        kind: 'toggle',
        initial: yesNo(options.launch),
        hint: 'recreate the instance in the target zone from the copied AMI',
      },
      {
        name: 'importKeyPair',
        label: 'Key pair',
        kind: 'toggle',
        initial: yesNo(options.importKeyPair),
        hint: 'import the key pair by its public key (with launch)',
      },
      {
        name: 'copySecurityGroups',
        label: 'Sec. groups',
        kind: 'toggle',
        initial: yesNo(options.copySecurityGroups),
        hint: 'recreate them, rules rewritten to the new group IDs (with launch)',
      },
      {
        name: 'elasticIp',
        label: 'Elastic IP',
        kind: 'toggle',
        initial: yesNo(options.elasticIp),
        hint: 'allocate a new address and associate it (with launch)',
      },
    );
    if (placement !== undefined) fields.push(subnetField(draft, placement));
  }
  if (kind === 'instance' || kind === 'image')
    fields.push({
      name: 'register',
      label: 'Register',
      kind: 'toggle',
      initial: yesNo(draft.registerFromSnapshots === true),
      hint: 'copy the snapshots and register the image, where CopyImage is refused',
    });
  return { title: 'Region copy options', submitLabel: 'Keep', fields };
}

export type DraftOptions = Partial<Omit<Draft, 'source' | 'targetRegion'>>;

export function draftOptions(draft: Draft, values: FormValues): DraftOptions {
  const mode = values['encryption'] ?? 'keep';
  const encryption: Encryption =
    mode === 'kms'
      ? { mode: 'kms', keyId: (values['kmsKey'] ?? '').trim() }
      : mode === 'default'
        ? { mode: 'default' }
        : { mode: 'keep' };
  const tagMode = values['tags'] ?? 'all';
  const tags: TagChoice =
    tagMode === 'only'
      ? { mode: 'only', keys: tagKeys(values['tagKeys'] ?? '') }
      : tagMode === 'none'
        ? { mode: 'none' }
        : { mode: 'all' };
  const options: DraftOptions = { encryption, tags };
  const kind = draft.source?.kind;
  if (kind === 'volume') {
    const type = values['volumeType'];
    const attach = values['attachTo'];
    return {
      ...options,
      volumeType: type === undefined || type === AS_SOURCE ? undefined : type,
      // Without the field (no zone listing) the earlier choice stays.
      attachTo:
        attach === undefined
          ? draft.attachTo
          : attach === NONE
            ? undefined
            : { instanceId: attach, device: (values['device'] ?? '').trim() },
    };
  }
  const register = { registerFromSnapshots: isOn(values, 'register') };
  if (kind === 'image') return { ...options, ...register };
  if (kind === 'instance') {
    const subnet = values['subnet'];
    const { subnetId: _old, ...instance } = draft.instance;
    return {
      ...options,
      ...register,
      instance: {
        ...(subnet === undefined ? draft.instance : instance),
        ...(subnet === undefined || subnet === DEFAULT_SUBNET
          ? {}
          : { subnetId: subnet }),
        ...draft.instance,
        consistency:
          CONSISTENCY.find((c) => c === values['consistency']) ??
          draft.instance.consistency,
        launch: isOn(values, 'launch'),
        importKeyPair: isOn(values, 'importKeyPair'),
        copySecurityGroups: isOn(values, 'copySecurityGroups'),
        elasticIp: isOn(values, 'elasticIp'),
      },
    };
  }
  return options;
}
