import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { useShellApi } from '../../hooks/context/shell-context.js';
import { useRuleActions } from '../../hooks/ec2/useRuleActions.js';
import { rulesSpec } from '../../source/panes/ec2/rules-spec.js';
import type { PaneProps } from '../shell/pane-props.js';
import { useTheme } from '../theme.js';
import { LoadedTablePane } from '../widgets/LoadedTablePane.js';

/** One group's rules, inbound then outbound, and the instances that use it. */
export function RulesPane(props: PaneProps) {
  const theme = useTheme();
  const shell = useShellApi();
  const onCommand = useRuleActions();
  const groupId = props.at ?? '';
  const spec = useMemo(() => rulesSpec(groupId), [groupId]);
  if (groupId === '')
    return (
      <Box height={props.height}>
        <Text color={theme.tone('info')}>
          Choose a group first: :sg, then Enter on a group.
        </Text>
      </Box>
    );
  return (
    <LoadedTablePane
      {...props}
      title={`rules of ${groupId}`}
      spec={spec}
      services={shell.session.services}
      emptyText="no rules and no instances: a group like this lets nothing in"
      onCommand={onCommand}
    />
  );
}
