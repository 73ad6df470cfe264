import { useShellApi } from '../../hooks/context/shell-context.js';
import { useEbsCopyRuns } from '../../hooks/wizards/ebs-copy/useEbsCopyRuns.js';
import { migrationsSpec } from '../../source/panes/wizards/migrations-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** Runs of the region-copy wizard: Enter shows the summary, r resumes, x cleans up. */
export function MigrationsPane(props: PaneProps) {
  const shell = useShellApi();
  const runs = useEbsCopyRuns();
  return (
    <LoadedTablePane
      {...props}
      spec={migrationsSpec}
      services={shell.session.services}
      emptyText="no region copies yet: :ebs-copy starts one (or r on an instance, volume or snapshot)"
      onOpen={runs.showSummary}
      onCommand={runs.onCommand}
    />
  );
}
