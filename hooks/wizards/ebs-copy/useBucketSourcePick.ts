import { useCallback } from 'react';
import { describeError } from '../../../source/lib/errors.js';
import { bucketSources } from '../../../source/wizards/ebs-copy/source-items.js';
import { useCancellable } from '../../actions/useCancellable.js';
import { useShellApi } from '../../context/shell-context.js';

/** Picks a bucket of any region as the wizard's source; its region comes with it. */
export function useBucketSourcePick(): () => Promise<
  { readonly id: string; readonly region: string } | undefined
> {
  const { session, pick, report } = useShellApi();
  const cancellable = useCancellable();
  return useCallback(async () => {
    let found: Awaited<ReturnType<typeof bucketSources>>;
    try {
      found = await cancellable((signal) =>
        bucketSources(session.services, signal),
      );
    } catch (error) {
      report(
        'error',
        'ebs-copy',
        `cannot list the buckets: ${describeError(error)}`,
      );
      return undefined;
    }
    const id = await pick({
      title: 'Which bucket?',
      empty: 'no bucket in this account',
      items: found.items,
    });
    if (id === undefined) return undefined;
    const region = found.regions.get(id);
    if (region === undefined) {
      report(
        'error',
        'ebs-copy',
        `the region of ${id} cannot be read: GetBucketLocation needs s3:GetBucketLocation`,
      );
      return undefined;
    }
    return { id, region };
  }, [session, pick, report, cancellable]);
}
