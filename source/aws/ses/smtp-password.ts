/**
 * The Amazon SES SMTP password of an access key, per AWS's documented
 * algorithm (version 4): an HMAC-SHA256 chain from "AWS4" + secret over a
 * fixed date, the region, "ses", "aws4_request" and "SendRawEmail", then the
 * version byte 0x04 in front and base64. It depends on the region, so one key
 * gives a different password in each. Written here because it is ten lines
 * and the alternative people use is pasting the secret into a web page.
 */
import { createHmac } from 'node:crypto';
import { UserError } from '../../lib/errors.js';

const DATE = '11111111';
const SERVICE = 'ses';
const TERMINAL = 'aws4_request';
const MESSAGE = 'SendRawEmail';
const VERSION = 0x04;

/** Regions with an SES SMTP endpoint (email-smtp.REGION.amazonaws.com). */
const SMTP_REGIONS = new Set([
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'eu-north-1',
  'il-central-1',
  'me-south-1',
  'sa-east-1',
  'us-gov-west-1',
  'us-gov-east-1',
]);

/** Throws, saying where SES is, unless the region has an SMTP endpoint. */
export function checkSmtpRegion(region: string): string {
  if (SMTP_REGIONS.has(region)) return region;
  throw new UserError(`Amazon SES has no SMTP endpoint in ${region}`, {
    hint: `choose a region with SES, e.g. --region eu-west-1 (SES regions: ${[...SMTP_REGIONS].join(', ')})`,
  });
}

export function smtpEndpoint(region: string): string {
  return `email-smtp.${checkSmtpRegion(region)}.amazonaws.com`;
}

function sign(key: Buffer | string, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}

export function smtpPassword(secretAccessKey: string, region: string): string {
  checkSmtpRegion(region);
  let signature = sign(`AWS4${secretAccessKey}`, DATE);
  for (const part of [region, SERVICE, TERMINAL, MESSAGE])
    signature = sign(signature, part);
  return Buffer.concat([Buffer.from([VERSION]), signature]).toString('base64');
}
