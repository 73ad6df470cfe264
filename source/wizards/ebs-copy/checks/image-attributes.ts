/** The attributes an image copy must keep, and how two images differ in them. */
import type { Image, Instance } from '@aws-sdk/client-ec2';
import type { ImageAttributes } from '../types.js';

export function imageAttributes(image: Image): ImageAttributes {
  return {
    architecture: image.Architecture ?? '',
    virtualization: image.VirtualizationType ?? '',
    enaSupport: image.EnaSupport === true,
    bootMode: image.BootMode ?? '',
    platformDetails: image.PlatformDetails ?? '',
    usageOperation: image.UsageOperation ?? '',
  };
}

export function instanceAttributes(instance: Instance): ImageAttributes {
  return {
    architecture: instance.Architecture ?? '',
    virtualization: instance.VirtualizationType ?? '',
    enaSupport: instance.EnaSupport === true,
    bootMode: instance.CurrentInstanceBootMode ?? instance.BootMode ?? '',
    platformDetails: instance.PlatformDetails ?? '',
    usageOperation: instance.UsageOperation ?? '',
  };
}

const LABELS: Readonly<Record<keyof ImageAttributes, string>> = {
  architecture: 'architecture',
  virtualization: 'virtualization',
  enaSupport: 'ENA support',
  bootMode: 'boot mode',
  platformDetails: 'platform details (billing)',
  usageOperation: 'usage operation (billing)',
};

/** "boot mode: uefi in the source, legacy-bios in the copy"; a field the source leaves empty is not compared. */
export function imageDifferences(
  source: ImageAttributes,
  copy: ImageAttributes,
): string[] {
  const differences: string[] = [];
  for (const key of Object.keys(LABELS) as (keyof ImageAttributes)[]) {
    const was = source[key];
    const now = copy[key];
    if (was === '' || was === now) continue;
    differences.push(
      `${LABELS[key]}: ${String(was)} in the source, ${String(now) || 'none'} in the copy`,
    );
  }
  return differences;
}
