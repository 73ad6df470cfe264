import { useCallback } from 'react';
import type { Tags } from '../../source/aws/ec2/types.js';
import { parseTagAssignments } from '../../source/panes/ec2/tags-input.js';
import { useCharset } from '../context/charset-context.js';
import { useShellApi } from '../context/shell-context.js';
import { useConfirmedWrite } from '../actions/useWriteAction.js';
import {
  tagChanges,
  tagsForm,
  tagsRequest,
} from '../../source/panes/ec2/tag-dialogs.js';

/** `t` on any EC2 resource: edit the line of tags, confirm the changes, apply them. */
export function useTagEditor(): (
  what: string,
  resourceId: string,
  current: Tags,
  refresh: () => void,
) => Promise<void> {
  const shell = useShellApi();
  const { glyphs } = useCharset();
  const confirmedWrite = useConfirmedWrite();
  const { ask, report, session } = shell;
  return useCallback(
    async (
      what: string,
      resourceId: string,
      current: Tags,
      refresh: () => void,
    ) => {
      const values = await ask(tagsForm(`Tags of ${what}`, current, glyphs));
      const parsed = values
        ? parseTagAssignments(values['tags'] ?? '', glyphs)
        : undefined;
      if (!parsed?.ok) return;
      const changes = tagChanges(current, parsed.value);
      if (changes.lines.length === 0)
        return report('info', 'ec2', 'the tags are unchanged');
      await confirmedWrite(tagsRequest(what, changes), ({ dryRun }) => ({
        what: `tag ${what}`,
        source: 'ec2',
        call: () =>
          session.services.instances.setTags(
            [resourceId],
            changes.add,
            changes.remove,
            { dryRun },
          ),
        refresh,
      }));
    },
    [ask, confirmedWrite, report, session, glyphs],
  );
}
