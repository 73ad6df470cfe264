/**
 * Pane names (source/panes/catalog.ts) to components. A new pane adds its
 * catalog entry, its component and one line here; the shell is untouched.
 *
 * Each pane loads when it is first opened: the first frame compiles only the
 * pane it shows, not the other eighteen (about a third of the console's code).
 */
import type { ComponentType } from 'react';
import type { PaneProps } from './pane-props.js';

type PaneComponent = ComponentType<PaneProps>;

const PANE_LOADERS: Readonly<Record<string, () => Promise<PaneComponent>>> = {
  instances: async () =>
    (await import('../ec2/InstancesPane.js')).InstancesPane,
  eips: async () => (await import('../ec2/EipsPane.js')).EipsPane,
  groups: async () => (await import('../ec2/GroupsPane.js')).GroupsPane,
  rules: async () => (await import('../ec2/RulesPane.js')).RulesPane,
  failover: async () => (await import('../ec2/FailoverPane.js')).FailoverPane,
  volumes: async () => (await import('../ec2/VolumesPane.js')).VolumesPane,
  snapshots: async () =>
    (await import('../ec2/SnapshotsPane.js')).SnapshotsPane,
  buckets: async () => (await import('../s3/BucketsPane.js')).BucketsPane,
  objects: async () => (await import('../s3/ObjectsPane.js')).ObjectsPane,
  uploads: async () => (await import('../s3/UploadsPane.js')).UploadsPane,
  's3-jobs': async () => (await import('../s3/S3JobsPane.js')).S3JobsPane,
  'ebs-copy': async () =>
    (await import('../wizards/EbsCopyWizard.js')).EbsCopyWizard,
  migrations: async () =>
    (await import('../wizards/MigrationsPane.js')).MigrationsPane,
  mysql: async () => (await import('../mysql/MysqlPane.js')).MysqlPane,
  'reset-root': async () =>
    (await import('../wizards/RootResetWizard.js')).RootResetWizard,
  ses: async () => (await import('../ses/SesPane.js')).SesPane,
  regions: async () => (await import('../account/RegionsPane.js')).RegionsPane,
  profiles: async () =>
    (await import('../account/ProfilesPane.js')).ProfilesPane,
  log: async () => (await import('../events/EventLogPane.js')).EventLogPane,
};

export const PANE_NAMES: readonly string[] = Object.keys(PANE_LOADERS);

const loaded = new Map<string, PaneComponent>();
const loading = new Map<string, Promise<PaneComponent>>();

export function hasPane(name: string): boolean {
  return name in PANE_LOADERS;
}

/** The pane's component when it has loaded; undefined before (or for no such pane). */
export function loadedPane(name: string): PaneComponent | undefined {
  return loaded.get(name);
}

/** Starts (or joins) loading a pane; undefined for a name with no pane. */
export function loadPane(name: string): Promise<PaneComponent> | undefined {
  const loader = PANE_LOADERS[name];
  if (!loader) return undefined;
  let pending = loading.get(name);
  if (!pending) {
    pending = loader().then((component) => {
      loaded.set(name, component);
      return component;
    });
    // A failed load may be retried by opening the pane again.
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

/** Loads the named panes (all by default) so they render on their first frame. */
export async function preloadPanes(
  names: readonly string[] = PANE_NAMES,
): Promise<void> {
  await Promise.all(
    names.flatMap((name) => {
      const pending = loadPane(name);
      return pending ? [pending] : [];
    }),
  );
}
