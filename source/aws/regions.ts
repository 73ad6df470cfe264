import type { AwsClientFactory } from './client-factory.js';
import { toAwsError } from './aws-errors.js';
import { KNOWN_REGIONS } from './region-names.js';
import { describeError } from '../lib/errors.js';

export interface RegionRow {
  readonly code: string;
  readonly name: string;
  /** 'opt-in-not-required' | 'opted-in' | 'not-opted-in' | 'unknown' */
  readonly optIn: string;
  readonly endpoint: string;
}

export interface RegionList {
  readonly rows: readonly RegionRow[];
  /** Set when DescribeRegions failed and the built-in list is shown instead. */
  readonly fallbackReason?: string;
}

export interface RegionLister {
  readonly listRegions: (signal?: AbortSignal) => Promise<RegionList>;
}

function fallbackRegions(): RegionRow[] {
  return Object.entries(KNOWN_REGIONS).map(([code, name]) => ({
    code,
    name,
    optIn: 'unknown',
    endpoint: `ec2.${code}.amazonaws.com`,
  }));
}

export function isEnabledRegion(row: RegionRow): boolean {
  return row.optIn !== 'not-opted-in';
}

export function createRegionLister(factory: AwsClientFactory): RegionLister {
  return {
    async listRegions(signal) {
      try {
        const ec2 = await factory.ec2();
        const { DescribeRegionsCommand } = await import('./ec2/ec2-sdk.js');
        const result = await ec2.send(
          new DescribeRegionsCommand({ AllRegions: true }),
          { abortSignal: signal },
        );
        const rows = (result.Regions ?? []).map((region) => {
          const code = region.RegionName ?? '?';
          return {
            code,
            name: KNOWN_REGIONS[code] ?? '',
            optIn: region.OptInStatus ?? 'unknown',
            endpoint: region.Endpoint ?? '',
          };
        });
        return { rows: rows.sort((a, b) => a.code.localeCompare(b.code)) };
      } catch (error) {
        if (signal?.aborted) throw error;
        const problem = toAwsError(error, {
          profile: factory.settings.profile,
          action: 'ec2:DescribeRegions',
          endpoint: factory.settings.endpoint,
        });
        return {
          rows: fallbackRegions(),
          fallbackReason: describeError(problem),
        };
      }
    },
  };
}
