/**
 * Keys of the EC2 panes. Across panes the same letter means the same kind of
 * thing: X is the irreversible one (typed confirmation), t edits tags, C
 * copies an IP. Writes are marked so read-only mode can refuse them.
 */
import type { Binding } from './bindings.js';

const instances = 'pane:instances' as const;
const eips = 'pane:eips' as const;
const volumes = 'pane:volumes' as const;
const snapshots = 'pane:snapshots' as const;
const wizard = 'pane:ebs-copy' as const;
const migrations = 'pane:migrations' as const;

/** The same key on each pane that can be a source of the region-copy wizard. */
const moveToRegion = <Pane extends 'instances' | 'volumes' | 'snapshots'>(
  pane: Pane,
  what: string,
) =>
  ({
    command: `${pane}.moveRegion` as const,
    keys: ['r'],
    scope: `pane:${pane}` as const,
    hint: 'to region',
    description: `move to another region (wizard: ${what})`,
  }) satisfies Binding;

export const EC2_BINDINGS = [
  {
    command: 'instances.start',
    keys: ['s'],
    scope: instances,
    hint: 'start',
    write: true,
    description: 'start the instance (or every marked one)',
  },
  {
    command: 'instances.stop',
    keys: ['S'],
    scope: instances,
    hint: 'stop',
    write: true,
    description: 'stop; the dialog offers force and dry run',
  },
  {
    command: 'instances.reboot',
    keys: ['b'],
    scope: instances,
    hint: 'reboot',
    write: true,
    description: 'reboot',
  },
  {
    command: 'instances.terminate',
    keys: ['X'],
    scope: instances,
    hint: 'terminate',
    write: true,
    description: 'terminate (type the ID or Name to confirm)',
  },
  {
    command: 'instances.connect',
    keys: ['x'],
    scope: instances,
    hint: 'ssh',
    description: 'ssh to the instance; the console comes back when ssh exits',
  },
  {
    command: 'instances.mysql',
    keys: ['M'],
    scope: instances,
    description: 'MySQL on the instance: opens :mysql for its public DNS name',
  },
  {
    command: 'instances.image',
    keys: ['I'],
    scope: instances,
    write: true,
    description: 'create an image (AMI), with or without reboot',
  },
  {
    command: 'instances.snapshot',
    keys: ['N'],
    scope: instances,
    write: true,
    description: 'snapshot every attached volume in one step, tags copied',
  },
  {
    command: 'instances.tags',
    keys: ['t'],
    scope: instances,
    write: true,
    description: 'edit tags',
  },
  {
    command: 'instances.console',
    keys: ['o'],
    scope: instances,
    description: 'console output (boot log)',
  },
  {
    command: 'instances.copyIp',
    keys: ['C'],
    scope: instances,
    description: 'copy the public IP (else the private IP)',
  },

  {
    command: 'eips.allocate',
    keys: ['a'],
    scope: eips,
    hint: 'allocate',
    write: true,
    description: 'allocate a new Elastic IP',
  },
  {
    command: 'eips.associate',
    keys: ['A'],
    scope: eips,
    hint: 'associate',
    write: true,
    description: 'associate with an instance or a network interface',
  },
  {
    command: 'eips.move',
    keys: ['M'],
    scope: eips,
    hint: 'move',
    write: true,
    description: 'move to another instance in one step',
  },
  {
    command: 'eips.disassociate',
    keys: ['U'],
    scope: eips,
    write: true,
    description: 'disassociate',
  },
  {
    command: 'eips.release',
    keys: ['X'],
    scope: eips,
    hint: 'release',
    write: true,
    description: 'release (type the IP to confirm)',
  },
  {
    command: 'eips.tags',
    keys: ['t'],
    scope: eips,
    write: true,
    description: 'edit tags',
  },
  {
    command: 'eips.copyIp',
    keys: ['C'],
    scope: eips,
    description: 'copy the public IP',
  },

  {
    command: 'volumes.create',
    keys: ['n'],
    scope: volumes,
    hint: 'new',
    write: true,
    description: 'create a volume',
  },
  {
    command: 'volumes.attach',
    keys: ['a'],
    scope: volumes,
    hint: 'attach',
    write: true,
    description: 'attach to an instance in the same zone',
  },
  {
    command: 'volumes.detach',
    keys: ['u'],
    scope: volumes,
    hint: 'detach',
    write: true,
    description: 'detach; the dialog offers force',
  },
  {
    command: 'volumes.snapshot',
    keys: ['s'],
    scope: volumes,
    hint: 'snapshot',
    write: true,
    description: 'snapshot the volume',
  },
  {
    command: 'volumes.modify',
    keys: ['M'],
    scope: volumes,
    write: true,
    description: 'grow the size or change the type, IOPS, throughput',
  },
  {
    command: 'volumes.delete',
    keys: ['X'],
    scope: volumes,
    hint: 'delete',
    write: true,
    description: 'delete (type the ID to confirm)',
  },
  {
    command: 'volumes.tags',
    keys: ['t'],
    scope: volumes,
    write: true,
    description: 'edit tags',
  },

  {
    command: 'snapshots.volume',
    keys: ['v'],
    scope: snapshots,
    hint: 'volume',
    write: true,
    description: 'create a volume from the snapshot',
  },
  {
    command: 'snapshots.copy',
    keys: ['R'],
    scope: snapshots,
    hint: 'region copy',
    write: true,
    description: 'copy to this or another region',
  },
  {
    command: 'snapshots.delete',
    keys: ['X'],
    scope: snapshots,
    hint: 'delete',
    write: true,
    description: 'delete (type the ID to confirm)',
  },
  {
    command: 'snapshots.tags',
    keys: ['t'],
    scope: snapshots,
    write: true,
    description: 'edit tags',
  },

  moveToRegion('instances', 'image, copy, relaunch'),
  moveToRegion('volumes', 'snapshot, copy, new volume'),
  moveToRegion('snapshots', 'copy, resumable'),

  {
    command: 'ebsCopy.next',
    keys: ['enter'],
    scope: wizard,
    hint: 'next',
    description: 'next step: pick source, target; pre-flight; confirm the plan',
  },
  {
    command: 'ebsCopy.source',
    keys: ['s'],
    scope: wizard,
    hint: 'source',
    description:
      'choose another source: an instance, volume, snapshot, AMI or bucket',
  },
  {
    command: 'ebsCopy.target',
    keys: ['t'],
    scope: wizard,
    hint: 'target',
    description: 'choose another target region and zone',
  },
  {
    command: 'ebsCopy.options',
    keys: ['o'],
    scope: wizard,
    hint: 'options',
    description: 'options: encryption, tags, volume type, instance choices',
  },
  {
    command: 'ebsCopy.resume',
    keys: ['r'],
    scope: wizard,
    hint: 'resume',
    write: true,
    description: 'resume a stopped run: done steps skipped, nothing made twice',
  },
  {
    command: 'ebsCopy.cleanup',
    keys: ['x'],
    scope: wizard,
    hint: 'clean up',
    write: true,
    description: "remove a finished run's intermediates, asking for each",
  },
  {
    command: 'ebsCopy.catchUp',
    keys: ['c'],
    scope: wizard,
    write: true,
    description:
      'a finished bucket copy: sync again, copying only what changed since',
  },
  {
    command: 'ebsCopy.new',
    keys: ['n'],
    scope: wizard,
    hint: 'new copy',
    description: 'start over with a new copy',
  },

  {
    command: 'migrations.resume',
    keys: ['r'],
    scope: migrations,
    hint: 'resume',
    write: true,
    description: 'resume the run in the wizard: done steps are skipped',
  },
  {
    command: 'migrations.cleanup',
    keys: ['x'],
    scope: migrations,
    hint: 'cleanup',
    write: true,
    description: 'remove what a finished run left behind, asking for each',
  },
] as const satisfies readonly Binding[];
