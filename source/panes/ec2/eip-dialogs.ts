/** What the Elastic IP actions ask. Pure. */
import type { AddressRow, InstanceRow } from '../../aws/ec2/types.js';
import { DRY_RUN_OPTION, type ConfirmRequest } from '../../safety/confirm.js';
import { nameAndId } from './ec2-format.js';

function addressLabel(row: AddressRow): string {
  return `${row.publicIp.padEnd(15)} ${row.allocationId}${row.instanceId ? `  on ${nameAndId(row.instanceName, row.instanceId)}` : '  not associated'}`;
}

export function allocateRequest(region: string): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Allocate a new Elastic IP in ${region}`,
    targets: [],
    warnings: [
      'An Elastic IP is billed by the hour, more so while it is not on a running instance.',
    ],
    action: 'Allocate',
    options: [DRY_RUN_OPTION],
  };
}

export function associateRequest(
  row: AddressRow,
  target: InstanceRow,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Associate ${row.publicIp} with ${nameAndId(target.name, target.id)}`,
    targets: [addressLabel(row)],
    warnings: [
      `${target.name || target.id}'s public IP${target.publicIp ? ` ${target.publicIp}` : ''} and public DNS name change to this address: connections to the old ones break.`,
    ],
    action: 'Associate',
    options: [DRY_RUN_OPTION],
  };
}

export function moveRequest(
  row: AddressRow,
  target: InstanceRow,
): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Move ${row.publicIp} to ${nameAndId(target.name, target.id)}`,
    targets: [addressLabel(row)],
    warnings: [
      `${nameAndId(row.instanceName, row.instanceId)} loses the address in the same call; it keeps no public IP unless its subnet gives it one.`,
      `${target.name || target.id}'s public IP and DNS name change: connections to the old ones break.`,
    ],
    action: 'Move',
    options: [DRY_RUN_OPTION],
  };
}

export function disassociateRequest(row: AddressRow): ConfirmRequest {
  return {
    level: 'yes-no',
    title: `Disassociate ${row.publicIp} from ${nameAndId(row.instanceName, row.instanceId)}`,
    targets: [addressLabel(row)],
    warnings: [
      'The address stays allocated and is billed by the hour while it is idle.',
    ],
    action: 'Disassociate',
    options: [DRY_RUN_OPTION],
  };
}

export function releaseRequest(row: AddressRow): ConfirmRequest {
  return {
    level: 'typed',
    title: `Release ${row.publicIp}: this cannot be undone`,
    targets: [addressLabel(row)],
    warnings: [
      'A released address is normally gone for good: AWS may give it to someone else. DNS records pointing at it go nowhere.',
    ],
    expected: row.publicIp,
    action: 'Release',
    options: [DRY_RUN_OPTION],
  };
}
