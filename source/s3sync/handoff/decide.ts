/**
 * Whether a bucket-to-bucket copy should run on AWS's own engines instead of
 * through opsdeck, and on which: S3 Batch Operations (a copy job over a
 * manifest of the planned keys) or DataSync (an S3-to-S3 task). Pure: the
 * sizes come from the plan or the storage metrics, the access from probes.
 */
import { formatBytes } from '../../lib/byte-size.js';

import type { EngineAccess, HandoffEngine } from '../../aws/s3jobs/types.js';

/** What is to be copied, as the plan (or CloudWatch's daily metrics) counts it. */
export interface CopySize {
  readonly objects: number;
  readonly bytes: number;
  /** Source and target in different regions: AWS bills the transfer either way. */
  readonly crossRegion: boolean;
  /** The largest planned object, when known: Batch Operations copies at most 5 GiB each. */
  readonly largestObjectBytes?: number | undefined;
  readonly measuredBy: 'listing' | 'storage metrics';
}

export interface HandoffThresholds {
  readonly minObjects: number;
  readonly minBytes: number;
}

export interface HandoffOffer {
  readonly engine: HandoffEngine;
  readonly title: string;
  readonly allowed: boolean;
  readonly recommended: boolean;
  /** Why it is (or is not) the one to choose. */
  readonly reason: string;
  /** US dollars per million objects at this copy's average object size. */
  readonly costPerMillion: number;
  readonly estimatedCost: number;
}

export interface HandoffDecision {
  /** False: the copy is small enough to run through opsdeck. */
  readonly large: boolean;
  readonly why: string;
  readonly offers: readonly HandoffOffer[];
}

/** S3 CopyObject, which Batch Operations' S3PutObjectCopy uses, stops at 5 GiB. */
const BATCH_COPY_MAX_BYTES = 5 * 2 ** 30;

/**
 * us-east-1 list prices (USD): Batch Operations $0.25 a job and $1.00 per
 * million objects; DataSync (basic mode) $0.0125 per GB; S3 requests $5.00
 * per million PUT/COPY and $0.40 per million GET. Cross-region transfer is
 * billed the same by both engines, so it does not choose between them.
 */
const PRICES = {
  batchPerJob: 0.25,
  batchPerMillionObjects: 1,
  copyRequestsPerMillion: 5,
  getRequestsPerMillion: 0.4,
  dataSyncPerGb: 0.0125,
  crossRegionPerGb: 0.02,
} as const;

/** Large by the count alone, before the account is asked which engine it allows. */
export function isLargeCopy(
  size: Pick<CopySize, 'objects' | 'bytes'>,
  thresholds: HandoffThresholds,
): boolean {
  return (
    size.objects >= thresholds.minObjects || size.bytes >= thresholds.minBytes
  );
}

function batchCostPerMillion(): number {
  return PRICES.batchPerMillionObjects + PRICES.copyRequestsPerMillion;
}

function dataSyncCostPerMillion(size: CopySize): number {
  const averageBytes = size.objects > 0 ? size.bytes / size.objects : 0;
  const gbPerMillion = (averageBytes * 1e6) / 1e9;
  return (
    gbPerMillion * PRICES.dataSyncPerGb +
    PRICES.copyRequestsPerMillion +
    PRICES.getRequestsPerMillion
  );
}

export function formatDollars(amount: number): string {
  return `$${amount < 10 ? amount.toFixed(2) : Math.round(amount).toLocaleString('en-US')}`;
}

export function decideHandoff(
  size: CopySize,
  thresholds: HandoffThresholds,
  access: Readonly<Record<HandoffEngine, EngineAccess>>,
): HandoffDecision {
  const counted = `${size.objects.toLocaleString('en-US')} objects, ${formatBytes(size.bytes)} (by the ${size.measuredBy})`;
  if (!isLargeCopy(size, thresholds))
    return {
      large: false,
      why: `${counted}: below ${thresholds.minObjects.toLocaleString('en-US')} objects and ${formatBytes(thresholds.minBytes)}, so opsdeck copies it`,
      offers: [],
    };
  const millions = size.objects / 1e6;
  const tooBig =
    size.largestObjectBytes !== undefined &&
    size.largestObjectBytes > BATCH_COPY_MAX_BYTES;
  const batchCost = batchCostPerMillion();
  const dataSyncCost = dataSyncCostPerMillion(size);
  const batchUsable = access.batch.allowed && !tooBig;
  const batchFirst =
    batchUsable && (!access.datasync.allowed || batchCost <= dataSyncCost);
  const transfer = size.crossRegion
    ? `; plus ${formatDollars((size.bytes / 1e9) * PRICES.crossRegionPerGb)} cross-region transfer either way`
    : '';
  const batch: HandoffOffer = {
    engine: 'batch',
    title: 'S3 Batch Operations copy job',
    allowed: batchUsable,
    recommended: batchFirst,
    reason: !access.batch.allowed
      ? access.batch.why
      : tooBig
        ? `objects over 5 GiB are in the plan, and its copy (CopyObject) stops at 5 GiB`
        : batchFirst
          ? `billed per object, not per byte: the cheaper engine at this average size; copies exactly the planned keys`
          : `copies exactly the planned keys, but DataSync costs less at this average size`,
    costPerMillion: batchCost,
    estimatedCost: PRICES.batchPerJob + millions * batchCost,
  };
  const dataSync: HandoffOffer = {
    engine: 'datasync',
    title: 'AWS DataSync S3-to-S3 task',
    allowed: access.datasync.allowed,
    recommended: access.datasync.allowed && !batchFirst,
    reason: !access.datasync.allowed
      ? access.datasync.why
      : batchFirst
        ? `billed per GB: dearer than Batch Operations at this average size`
        : tooBig
          ? `copies objects of any size and verifies them`
          : `billed per GB: the cheaper engine at this average size; compares and verifies by itself`,
    costPerMillion: dataSyncCost,
    estimatedCost: millions * dataSyncCost,
  };
  return {
    large: true,
    why: `${counted}: past one machine; AWS can run it on its own fleet${transfer}`,
    offers: [batch, dataSync],
  };
}

/** What the plan says about an offer, on one line. */
export function describeOffer(offer: HandoffOffer): string {
  const mark = offer.recommended ? '*' : offer.allowed ? ' ' : 'x';
  return `${mark} ${offer.title}: ${formatDollars(offer.costPerMillion)} per million objects (about ${formatDollars(offer.estimatedCost)}): ${offer.reason}`;
}
