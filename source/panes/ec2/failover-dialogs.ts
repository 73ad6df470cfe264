/** What `F` on a failover pair asks. Pure. */
import { instanceLabel } from '../../aws/ec2/eip-pairs.js';
import { switchTarget, type PairRow } from '../../failover/pair-row.js';
import { formatDuration } from '../../failover/switch-address.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';

/** The time to expect: the last switch's, else what the wait allows. */
function expectedTime(row: PairRow): string {
  const last = row.lastSwitch?.answeredMillis;
  if (last !== undefined)
    return `Expected: the call takes about a second; last time the EIP answered on the new instance after ${formatDuration(last)}.`;
  return 'Expected: the call takes about a second; the console waits for the check through the EIP to pass on the new instance and says how long it took.';
}

export function switchRequest(row: PairRow): ConfirmRequest | undefined {
  const { picture } = row;
  if (!picture) return undefined;
  const to = picture[switchTarget(row)];
  const from = row.holder ? picture[row.holder] : undefined;
  const fromText = from
    ? instanceLabel(from)
    : (picture.eip.instanceId ?? 'nothing');
  return {
    level: 'yes-no',
    title: `Switch ${picture.eip.publicIp} to ${instanceLabel(to)}`,
    targets: [
      `pair ${row.name}: ${picture.eip.publicIp} (${picture.eip.allocationId})`,
      `from ${fromText}`,
      `to   ${instanceLabel(to)}, ${to.state}`,
    ],
    warnings: [
      `One call, AssociateAddress with AllowReassociation: the address is disassociated from ${fromText} and associated with ${to.name || to.id} in the same step.`,
      `Both instances' public IPs and public DNS names change: ${from ? `${from.name || from.id} keeps no public IP unless its subnet gives it one, and ` : ''}connections to the old ones break.`,
      expectedTime(row),
    ],
    action: 'Switch',
    options: [DRY_RUN_OPTION],
  };
}
