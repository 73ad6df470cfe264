/**
 * `opsdeck ses smtp-credentials` against moto's SES: the key of profile lab,
 * the password derived for the region, SES's quota answer in that region;
 * refusals for a region without SES and for temporary credentials; the
 * secret key never in any output.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { smtpPassword } from '../../../source/aws/ses/smtp-password.js';
import { runSmtpCredentials } from '../../../source/commands/ses/smtp-credentials-command.js';
import { LAB_CREDENTIALS } from '../../../source/lab/lab-aws.js';
import { capturedIo } from '../../helpers/command-io.js';
import { labPart, useLabProfiles } from '../../helpers/lab.js';

const moto = labPart('moto');

describe.skipIf(!moto.info)(
  `opsdeck ses smtp-credentials against moto${moto.missing}`,
  () => {
    useLabProfiles();
    const env = () => ({
      ...process.env,
      OPSDECK_CONFIG: moto.info?.opsdeckConfigFile,
    });
    async function run(options: Record<string, unknown>) {
      const io = capturedIo();
      const code = await runSmtpCredentials(
        { endpointUrl: moto.info?.endpoint, ...options },
        io,
        env(),
      );
      const all = [...io.stdout, ...io.stderr].join('\n');
      expect(all).not.toContain(LAB_CREDENTIALS.secretAccessKey);
      return { code, out: io.stdout, err: io.stderr };
    }

    for (const region of ['eu-west-1', 'us-west-2'])
      it(`derives the password of profile lab's key for ${region}; SES answers there`, async () => {
        const result = await run({ profile: 'lab', region });
        expect(result.code).toBe(0);
        expect(result.out).toEqual([
          `SMTP endpoint: email-smtp.${region}.amazonaws.com (587 STARTTLS, 465 TLS)`,
          `SMTP user: ${LAB_CREDENTIALS.accessKeyId}`,
          `SMTP password: ${smtpPassword(LAB_CREDENTIALS.secretAccessKey, region)}`,
        ]);
        // moto's SES answers GetSendQuota with its defaults.
        expect(result.err[0]).toMatch(
          new RegExp(`^SES in ${region}: \\d+ messages a day, \\d+ a second`),
        );
      });

    it('--json for scripts, no terminal warning when stdout is a pipe', async () => {
      const result = await run({
        profile: 'lab',
        region: 'eu-west-1',
        json: true,
      });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out[0] ?? '')).toMatchObject({
        region: 'eu-west-1',
        endpoint: 'email-smtp.eu-west-1.amazonaws.com',
        user: LAB_CREDENTIALS.accessKeyId,
        password: smtpPassword(LAB_CREDENTIALS.secretAccessKey, 'eu-west-1'),
      });
      expect(result.err.join('\n')).not.toContain('warning');
    });

    it('refuses a region without SES', async () => {
      const result = await run({ profile: 'lab', region: 'ap-east-1' });
      expect(result.code).toBe(1);
      expect(result.out).toEqual([]);
      expect(result.err[0]).toContain(
        'opsdeck ses smtp-credentials: Amazon SES has no SMTP endpoint in ap-east-1',
      );
    });

    it('refuses temporary credentials (a session token)', async () => {
      // The SDK's provider chain reads the process's environment.
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLETEMPORARY');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', LAB_CREDENTIALS.secretAccessKey);
      vi.stubEnv('AWS_SESSION_TOKEN', 'FQoGZXIvYXdzEXAMPLE');
      // A config without the lab's default profile, so the chain takes the environment.
      const result = await run({
        region: 'eu-west-1',
        config: join(tmpdir(), `opsdeck-none-${String(process.pid)}.yaml`),
      });
      expect(result.code).toBe(1);
      expect(result.out).toEqual([]);
      expect(result.err).toEqual([
        'opsdeck ses smtp-credentials: the credentials of this session are temporary (key ASIAEXAMPLETEMPORARY has a session token): SES SMTP cannot use them (use a profile with a long-term access key of an IAM user allowed ses:SendRawEmail (not SSO, assume-role or an instance role))',
      ]);
    });
  },
);
