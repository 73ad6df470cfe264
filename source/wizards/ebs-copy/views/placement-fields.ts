/**
 * Options-form fields that depend on the target zone's contents: the
 * instance to attach a new volume to (its device checked like the volumes
 * pane does, and against the devices the instance already uses), and the
 * subnet to launch a copied instance in. Pure.
 */
import { checkDevice, suggestDevice } from '../../../aws/ec2/validate.js';
import { checked, type FormField } from '../../../lib/form.js';
import type { Draft } from './draft.js';
import type { Placement } from '../checks/target-placement.js';

/** The choice that means "do not attach". */
export const NONE = 'none';
/** The choice that means "the default VPC's subnet in the zone". */
export const DEFAULT_SUBNET = 'default';

/** Attach to an instance of the target zone, and the device, checked like the volumes pane does. */
export function attachFields(draft: Draft, placement: Placement): FormField[] {
  const instances = placement.instances;
  const chosen = draft.attachTo?.instanceId;
  const usedBy = (id: string | undefined) =>
    instances.find((instance) => instance.id === id)?.devices ?? [];
  const names = instances
    .map(
      (instance) =>
        `${instance.id.slice(-6)} ${instance.name || instance.state}`,
    )
    .join(', ');
  return [
    {
      name: 'attachTo',
      label: 'Attach to',
      kind: 'choice',
      choices: [NONE, ...instances.map((instance) => instance.id)],
      initial:
        chosen !== undefined &&
        instances.some((instance) => instance.id === chosen)
          ? chosen
          : NONE,
      hint:
        instances.length === 0
          ? `no running or stopped instance in ${draft.az ?? 'the zone'}`
          : `in ${draft.az ?? 'the zone'}: ${names}`,
    },
    {
      name: 'device',
      label: 'Device',
      initial:
        draft.attachTo?.device ??
        suggestDevice(usedBy(instances[0]?.id)) ??
        '/dev/sdf',
      placeholder: '/dev/sdf (with attach)',
      validate(value, values) {
        const instance = values['attachTo'];
        if (instance === undefined || instance === NONE) return undefined;
        const problem = checked(() => checkDevice(value.trim()));
        if (problem !== undefined) return problem;
        return usedBy(instance).includes(value.trim())
          ? `${instance} already uses ${value.trim()}; try ${suggestDevice(usedBy(instance)) ?? 'another name'}`
          : undefined;
      },
    },
  ];
}

export function subnetField(draft: Draft, placement: Placement): FormField {
  const subnets = placement.subnets;
  const chosen = draft.instance.subnetId;
  return {
    name: 'subnet',
    label: 'Subnet',
    kind: 'choice',
    choices: [DEFAULT_SUBNET, ...subnets.map((subnet) => subnet.id)],
    initial:
      chosen !== undefined && subnets.some((subnet) => subnet.id === chosen)
        ? chosen
        : DEFAULT_SUBNET,
    hint: `launch in (with launch): ${subnets.map((subnet) => `${subnet.id.slice(-6)} ${subnet.name || subnet.cidr}`).join(', ') || `no subnet listed in ${draft.az ?? 'the zone'}`}`,
  };
}
