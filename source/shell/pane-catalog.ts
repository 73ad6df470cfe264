/**
 * The panes opsdeck has, by name. The command line, `--pane` and the help
 * read this list; components/pane-registry.ts maps each name to its component.
 */
export interface PaneInfo {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly title: string;
  readonly description: string;
  /** What Enter does on this pane, for the footer; the default is "open". */
  readonly openLabel?: string;
  /** The shared keys the pane takes besides its own: a table's (the default) or a plain list's (a wizard). */
  readonly keys?: 'table' | 'list';
}

export const PANES: readonly PaneInfo[] = [
  {
    name: 'instances',
    aliases: ['ec2', 'ins', 'i'],
    title: 'Instances',
    description: 'EC2 instances: start, stop, ssh, image, snapshot',
    openLabel: 'describe',
  },
  {
    name: 'eips',
    aliases: ['eip', 'addresses', 'ips'],
    title: 'Elastic IPs',
    description: 'Elastic IPs: allocate, associate, move, release',
    openLabel: 'describe',
  },
  {
    name: 'groups',
    aliases: ['sg', 'security-groups', 'firewall'],
    title: 'Security groups',
    description:
      'security groups: flags, rules, lock SSH to you, create, delete',
    openLabel: 'rules',
  },
  {
    name: 'rules',
    aliases: ['sg-rules'],
    title: 'Rules',
    description: "a security group's rules in and out, and its instances",
    openLabel: 'describe',
  },
  {
    name: 'failover',
    aliases: ['pairs', 'ha'],
    title: 'EIP failover',
    description:
      'Elastic IP failover pairs: where the EIP is, health, switch, history',
    openLabel: 'details',
  },
  {
    name: 'volumes',
    aliases: ['vol', 'ebs'],
    title: 'Volumes',
    description: 'EBS volumes: create, attach, detach, snapshot, grow',
    openLabel: 'describe',
  },
  {
    name: 'snapshots',
    aliases: ['snap', 'snaps'],
    title: 'Snapshots',
    description: 'EBS snapshots of this account: volume from, copy, delete',
    openLabel: 'describe',
  },
  {
    name: 'ebs-copy',
    aliases: ['migrate', 'move', 'region-copy'],
    title: 'Move to another region',
    description:
      'wizard: copy an instance, volume, snapshot or AMI to another region',
    keys: 'list',
  },
  {
    name: 'migrations',
    aliases: ['runs', 'mig'],
    title: 'Region copies',
    description: 'runs of the region-copy wizard: summary, resume, cleanup',
    openLabel: 'summary',
  },
  {
    name: 'buckets',
    aliases: ['s3', 'bucket', 'mb', 'rb'],
    title: 'Buckets',
    description: 'S3 buckets: browse, make, remove (also non-empty), sync',
    openLabel: 'browse',
  },
  {
    name: 'objects',
    aliases: ['browse', 'ls'],
    title: 'Objects',
    description: 'objects under a bucket prefix: get, put, delete, view, URL',
    openLabel: 'open',
  },
  {
    name: 'uploads',
    aliases: ['multipart', 'mpu', 'abortmp'],
    title: 'Pending uploads',
    description:
      'multipart uploads never completed in a bucket: parts, size, abort',
    openLabel: 'describe',
  },
  {
    name: 's3-jobs',
    aliases: ['batch', 'datasync', 'copy-jobs'],
    title: 'S3 copy jobs',
    description:
      'bucket copies run by S3 Batch Operations and DataSync: progress, failures, cancel',
    openLabel: 'describe',
  },
  {
    name: 'mysql',
    aliases: ['db', 'sql', 'mariadb'],
    title: 'MySQL',
    description:
      'MySQL over SSH: server, databases, tables, rows, query, users, dump',
    openLabel: 'open',
  },
  {
    name: 'reset-root',
    aliases: ['root-reset', 'mysql-reset', 'reset-password'],
    title: 'Reset MySQL root password',
    description:
      'wizard: reset a lost MySQL/MariaDB root password over SSH, safely',
    keys: 'list',
  },
  {
    name: 'ses',
    aliases: ['smtp', 'smtp-credentials'],
    title: 'SES SMTP credentials',
    description:
      "SES SMTP user and password of this profile's key for the region; copy",
    keys: 'list',
  },
  {
    name: 'regions',
    aliases: ['region-list', 'reg'],
    title: 'Regions',
    description: 'regions of the account; Enter switches',
    openLabel: 'switch',
  },
  {
    name: 'profiles',
    aliases: ['prof', 'ctx'],
    title: 'Profiles',
    description: 'profiles from ~/.aws; Enter switches',
    openLabel: 'switch',
  },
  {
    name: 'log',
    aliases: ['events', 'errors'],
    title: 'Event log',
    description: 'writes and errors of this session',
    openLabel: 'describe',
  },
];

export const DEFAULT_PANE = 'instances';

export function findPane(word: string): PaneInfo | undefined {
  const lower = word.toLowerCase();
  return PANES.find(
    (pane) => pane.name === lower || pane.aliases.includes(lower),
  );
}
