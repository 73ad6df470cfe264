/**
 * Pane names (source/panes/catalog.ts) to components. A new pane adds its
 * catalog entry, its component and one line here; the shell is untouched.
 */
import type { ComponentType } from 'react';
import { EbsCopyWizard } from '../wizards/EbsCopyWizard.js';
import { BucketsPane } from '../s3/BucketsPane.js';
import { EipsPane } from '../ec2/EipsPane.js';
import { GroupsPane } from '../ec2/GroupsPane.js';
import { RulesPane } from '../ec2/RulesPane.js';
import { EventLogPane } from '../events/EventLogPane.js';
import { FailoverPane } from '../ec2/FailoverPane.js';
import { InstancesPane } from '../ec2/InstancesPane.js';
import { ObjectsPane } from '../s3/ObjectsPane.js';
import { UploadsPane } from '../s3/UploadsPane.js';
import { S3JobsPane } from '../s3/S3JobsPane.js';
import { MigrationsPane } from '../wizards/MigrationsPane.js';
import { MysqlPane } from '../mysql/MysqlPane.js';
import type { PaneProps } from './pane-props.js';
import { ProfilesPane } from '../account/ProfilesPane.js';
import { RegionsPane } from '../account/RegionsPane.js';
import { RootResetWizard } from '../wizards/RootResetWizard.js';
import { SesPane } from '../ses/SesPane.js';
import { SnapshotsPane } from '../ec2/SnapshotsPane.js';
import { VolumesPane } from '../ec2/VolumesPane.js';

export const PANE_COMPONENTS: Readonly<
  Record<string, ComponentType<PaneProps>>
> = {
  instances: InstancesPane,
  eips: EipsPane,
  groups: GroupsPane,
  rules: RulesPane,
  failover: FailoverPane,
  volumes: VolumesPane,
  snapshots: SnapshotsPane,
  buckets: BucketsPane,
  objects: ObjectsPane,
  uploads: UploadsPane,
  's3-jobs': S3JobsPane,
  'ebs-copy': EbsCopyWizard,
  migrations: MigrationsPane,
  mysql: MysqlPane,
  'reset-root': RootResetWizard,
  ses: SesPane,
  regions: RegionsPane,
  profiles: ProfilesPane,
  log: EventLogPane,
};
