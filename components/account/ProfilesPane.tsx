import { useMemo } from 'react';
import { useAppDeps } from '../../hooks/context/app-context.js';
import { useShellApi } from '../../hooks/context/shell-context.js';
import {
  profilesSpec,
  type ProfileServices,
} from '../../source/panes/account/profiles-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** Profiles from ~/.aws, the one in use marked; Enter switches the session to the selected one. */
export function ProfilesPane(props: PaneProps) {
  const deps = useAppDeps();
  const shell = useShellApi();
  const active = shell.session.settings.profile;
  const services = useMemo<ProfileServices>(() => {
    const entries = Object.entries(deps.config.config.profiles);
    return {
      profiles: deps.profiles,
      readOnlyProfiles: new Set(
        entries
          .filter(([, settings]) => settings.readOnly === true)
          .map(([name]) => name),
      ),
      active: active ?? 'default',
    };
  }, [deps, active]);
  return (
    <LoadedTablePane
      {...props}
      spec={profilesSpec}
      services={services}
      emptyText="no profiles: run aws configure or aws configure sso"
      onOpen={(row) => {
        shell.switchProfile(row.name);
        // Picked from a list opened from elsewhere: go back there.
        shell.pop();
      }}
    />
  );
}
