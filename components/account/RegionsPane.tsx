import { useMemo } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { isEnabledRegion } from '../../source/aws/regions.js';
import { regionsSpec } from '../../source/panes/account/regions-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';
import { useTheme } from '../theme.js';

/** The account's regions; Enter switches the session to the selected one. */
export function RegionsPane(props: PaneProps) {
  const shell = useShellApi();
  const theme = useTheme();
  const { region } = shell.session.settings;
  const spec = useMemo(() => regionsSpec(theme, region), [theme, region]);
  return (
    <LoadedTablePane
      {...props}
      spec={spec}
      services={shell.session.services}
      onOpen={(row) => {
        if (!isEnabledRegion(row)) {
          shell.report(
            'warn',
            'session',
            `${row.code} is not enabled for this account: opt in first (AWS console, Account settings)`,
          );
          return;
        }
        shell.switchRegion(row.code);
        // Picked from a list opened from elsewhere: go back there.
        shell.pop();
      }}
    />
  );
}
