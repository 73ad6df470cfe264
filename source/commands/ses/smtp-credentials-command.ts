/**
 * `opsdeck ses smtp-credentials`: the password goes to stdout only; on a
 * terminal a warning on stderr says it is a secret. Exit 0 done, 1 refused
 * (no SES in the region, temporary credentials) or failed.
 */
import { commandClientFactory } from '../../aws/command-factory.js';
import { smtpCredentials } from '../../aws/ses/smtp-credentials.js';
import { describeError } from '../../lib/errors.js';
import { prepareStart, type CliOptions } from '../../session/start.js';
import {
  EXIT_FAILED,
  EXIT_OK,
  jsonLine,
  type CommandIo,
} from '../command-io.js';

export async function runSmtpCredentials(
  options: CliOptions & { readonly json?: boolean },
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const start = await prepareStart(options, env);
  for (const problem of start.config.problems) io.err(`opsdeck: ${problem}`);
  const factory = commandClientFactory(
    start.settings,
    start.config.config.aws.maxAttempts,
  );
  try {
    const smtp = await smtpCredentials(factory);
    if (smtp.quota !== undefined)
      io.err(
        `SES in ${smtp.region}: ${String(smtp.quota.max24HourSend)} messages a day, ${String(smtp.quota.maxSendRate)} a second${smtp.quota.max24HourSend <= 200 ? ' (the sandbox: verified recipients only)' : ''}`,
      );
    if (smtp.quotaNote !== undefined) io.err(`note: ${smtp.quotaNote}`);
    if (io.outIsTerminal === true)
      io.err(
        'warning: the SMTP password is a secret: it sends mail as this account; keep it out of tickets, chat and shell history',
      );
    if (options.json === true) {
      io.out(
        jsonLine({
          region: smtp.region,
          endpoint: smtp.endpoint,
          ports: { starttls: [587, 25, 2587], tls: [465, 2465] },
          user: smtp.user,
          password: smtp.password,
        }),
      );
      return EXIT_OK;
    }
    io.out(`SMTP endpoint: ${smtp.endpoint} (587 STARTTLS, 465 TLS)`);
    io.out(`SMTP user: ${smtp.user}`);
    io.out(`SMTP password: ${smtp.password}`);
    return EXIT_OK;
  } catch (error) {
    io.err(`opsdeck ses smtp-credentials: ${describeError(error)}`);
    return EXIT_FAILED;
  } finally {
    factory.destroy();
  }
}
