/**
 * Pane names (source/panes/catalog.ts) to components. A new pane adds its
 * catalog entry, its component and one line here; the shell is untouched.
 */
import type { ComponentType } from 'react';
import { EventLogPane } from './EventLogPane.js';
import type { PaneProps } from './pane-props.js';
import { ProfilesPane } from './ProfilesPane.js';
import { RegionsPane } from './RegionsPane.js';

export const PANE_COMPONENTS: Readonly<
  Record<string, ComponentType<PaneProps>>
> = {
  regions: RegionsPane,
  profiles: ProfilesPane,
  log: EventLogPane,
};
