/**
 * The SES SMTP password against an independent computation of AWS's
 * documented algorithm with the openssl command line: the HMAC-SHA256 chain
 * over the fixed date, region, "ses", "aws4_request" and "SendRawEmail", then
 * the version byte 0x04 and base64.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  checkSmtpRegion,
  smtpEndpoint,
  smtpPassword,
} from '../../../source/aws/ses/smtp-password.js';

function hmac(key: { text: string } | { hex: string }, data: string): Buffer {
  const macopt = 'text' in key ? `key:${key.text}` : `hexkey:${key.hex}`;
  return execFileSync(
    'openssl',
    ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', macopt, '-binary'],
    { input: data },
  );
}

function opensslPassword(secret: string, region: string): string {
  let signature = hmac({ text: `AWS4${secret}` }, '11111111');
  for (const part of [region, 'ses', 'aws4_request', 'SendRawEmail'])
    signature = hmac({ hex: signature.toString('hex') }, part);
  return execFileSync('openssl', ['base64', '-A'], {
    input: Buffer.concat([Buffer.from([0x04]), signature]),
  })
    .toString()
    .trim();
}

const KEYS = [
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/==',
];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1'];

describe('SES SMTP password (version 4)', () => {
  for (const region of REGIONS)
    it(`matches openssl's computation in ${region}`, () => {
      for (const secret of KEYS) {
        const password = smtpPassword(secret, region);
        expect(password).toBe(opensslPassword(secret, region));
        expect(Buffer.from(password, 'base64')[0]).toBe(0x04);
        expect(password).not.toContain(secret);
      }
    });

  it('differs per region for the same key', () => {
    const [secret = ''] = KEYS;
    const passwords = new Set(
      REGIONS.map((region) => smtpPassword(secret, region)),
    );
    expect(passwords.size).toBe(REGIONS.length);
  });

  it('refuses a region without SES, naming it', () => {
    expect(() => smtpPassword(KEYS[0] ?? '', 'ap-east-1')).toThrow(
      'Amazon SES has no SMTP endpoint in ap-east-1',
    );
    expect(() => checkSmtpRegion('mars-north-1')).toThrow('mars-north-1');
    expect(smtpEndpoint('eu-west-1')).toBe(
      'email-smtp.eu-west-1.amazonaws.com',
    );
  });
});
