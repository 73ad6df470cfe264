/**
 * When an image may be rebuilt in the target from copies of its snapshots
 * (RegisterImage) instead of copied whole (CopyImage). Pure.
 *
 * RegisterImage keeps neither Marketplace product codes nor, reliably, the
 * billing of Windows, RHEL, SUSE or SQL Server images: that billing comes
 * from snapshot metadata that snapshot copies may lack, and an image that
 * loses it either runs unlicensed or cannot reach its vendor's repositories.
 * Using it to get round a CopyImage refusal for Marketplace codes would also
 * sidestep the product's terms. So the path is offered only for images
 * billed as plain Linux/UNIX without product codes, and the registered image's
 * billing is compared with the source's afterwards (check-image).
 */
import type { SourceFacts } from '../types.js';

/** Why the snapshot + register path is refused for this source; undefined when it is allowed. */
export function registerRefusal(facts: SourceFacts): string | undefined {
  const image = facts.image;
  const codes = facts.productCodes ?? [];
  if (codes.length > 0)
    return `${facts.id} carries product codes ${codes.join(', ')}: Marketplace billing belongs to the image, and registering its snapshots would drop it and sidestep the product's terms. Launch it in this account and image that instance, or subscribe to the product in the target region`;
  if (image === undefined || image.platformDetails === '')
    return `the billing of ${facts.id} is not known (no platform details), so a registered image could not be checked against it; copy the image instead`;
  if (
    image.platformDetails !== 'Linux/UNIX' ||
    (image.usageOperation !== '' && image.usageOperation !== 'RunInstances')
  )
    return `${facts.id} is billed as ${image.platformDetails} (${image.usageOperation}): Windows, RHEL, SUSE and SQL Server licences come from billing information that an image registered from snapshots may not carry. Copy the image, or create the image from an instance in the target`;
  if (image.virtualization === 'paravirtual')
    return `${facts.id} is paravirtual: its kernel and RAM disk IDs belong to ${facts.region}; copy the image instead`;
  return undefined;
}

/** The hint for a CopyImage refused for product codes or billing: the other path, or why not. */
export function registerOffer(facts: SourceFacts, to: string): string {
  const refusal = registerRefusal(facts);
  if (refusal !== undefined)
    return `copying its snapshots and registering them is not offered: ${refusal}`;
  return `start a new copy that registers the image from its snapshots (ebs-copy --register-snapshots, or Register in the wizard's options): allowed here because ${facts.id} bills as plain Linux/UNIX with no product codes, and the registered image's billing in ${to} is checked against the source`;
}
