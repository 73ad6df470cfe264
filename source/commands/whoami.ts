/** `opsdeck whoami`: the caller identity, for scripts; works without a terminal. */
import { describeError } from '../lib/errors.js';
import { createEventLog } from '../events/event-log.js';
import { createSessionOpener } from '../session/session.js';
import { profileLabel } from '../session/session-settings.js';
import { prepareStart, type CliOptions } from '../session/start.js';
import { jsonLine } from './command-io.js';

export async function runWhoAmI(
  options: CliOptions & { json?: boolean },
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const start = await prepareStart(options, process.env);
  for (const problem of start.config.problems) err(`opsdeck: ${problem}`);
  const session = createSessionOpener({
    events: createEventLog(),
    maxAttempts: start.config.config.aws.maxAttempts,
  })(start.settings);
  try {
    const identity = await session.services.identity.whoAmI();
    const profile = profileLabel(start.settings, process.env);
    if (options.json)
      out(
        jsonLine({
          profile,
          region: start.settings.region,
          ...identity,
          readOnly: start.settings.readOnly,
        }),
      );
    else {
      out(identity.arn);
      out(
        `account ${identity.account}  profile ${profile}  region ${start.settings.region}${start.settings.readOnly ? '  read-only' : ''}`,
      );
    }
    return 0;
  } catch (error) {
    err(`opsdeck: ${describeError(error)}`);
    return 1;
  } finally {
    session.close();
  }
}
