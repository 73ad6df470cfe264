/** Validation of command-line values, with messages that say what is expected. */
import { InvalidArgumentError } from 'commander';
import { isRegionCode } from '../aws/region-names.js';
import { PANES, findPane } from '../shell/pane-catalog.js';

export function parseRegion(value: string): string {
  if (!isRegionCode(value))
    throw new InvalidArgumentError(
      `"${value}" is not a region code (like eu-west-1).`,
    );
  return value;
}

export function parseEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(
      `"${value}" is not a URL (like http://127.0.0.1:5000).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidArgumentError(
      `"${value}" must start with http:// or https://.`,
    );
  return value.replace(/\/+$/, '');
}

export function parsePane(value: string): string {
  const pane = findPane(value);
  if (!pane)
    throw new InvalidArgumentError(
      `no pane "${value}"; panes: ${PANES.map((entry) => entry.name).join(', ')}.`,
    );
  return pane.name;
}
