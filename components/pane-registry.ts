/**
 * Pane names (source/panes/catalog.ts) to components. A new pane adds its
 * catalog entry, its component and one line here; the shell is untouched.
 */
import type { ComponentType } from 'react';
import { EbsCopyWizard } from './EbsCopyWizard.js';
import { BucketsPane } from './BucketsPane.js';
import { EipsPane } from './EipsPane.js';
import { EventLogPane } from './EventLogPane.js';
import { InstancesPane } from './InstancesPane.js';
import { ObjectsPane } from './ObjectsPane.js';
import { MigrationsPane } from './MigrationsPane.js';
import { MysqlPane } from './MysqlPane.js';
import type { PaneProps } from './pane-props.js';
import { ProfilesPane } from './ProfilesPane.js';
import { RegionsPane } from './RegionsPane.js';
import { RootResetWizard } from './RootResetWizard.js';
import { SnapshotsPane } from './SnapshotsPane.js';
import { VolumesPane } from './VolumesPane.js';

export const PANE_COMPONENTS: Readonly<
  Record<string, ComponentType<PaneProps>>
> = {
  instances: InstancesPane,
  eips: EipsPane,
  volumes: VolumesPane,
  snapshots: SnapshotsPane,
  buckets: BucketsPane,
  objects: ObjectsPane,
  'ebs-copy': EbsCopyWizard,
  migrations: MigrationsPane,
  mysql: MysqlPane,
  'reset-root': RootResetWizard,
  regions: RegionsPane,
  profiles: ProfilesPane,
  log: EventLogPane,
};
