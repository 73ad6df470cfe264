/**
 * What the :ses view says: how to get the credentials, then the endpoint, user
 * and password once asked for, with what SES answered about the region. The
 * password is drawn only in the "shown" state, which the view leaves when it
 * closes; nothing here keeps it.
 */
import type { SmtpCredentials } from '../../aws/ses/smtp-credentials.js';
import { safeLine } from '../../lib/terminal-text.js';
import type { ViewLine } from '../../wizards/view-lines.js';

export type SesViewState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'deriving' }
  | { readonly kind: 'shown'; readonly credentials: SmtpCredentials }
  | { readonly kind: 'refused'; readonly message: string };

export function sesLines(
  state: SesViewState,
  context: {
    readonly region: string;
    readonly profile: string;
    readonly ellipsis: string;
  },
): ViewLine[] {
  const intro: ViewLine[] = [
    {
      text: `SES SMTP credentials of profile ${safeLine(context.profile)} for ${safeLine(context.region)}`,
      bold: true,
    },
    {
      text: 'Derived from the secret key for this region; the secret key is never shown.',
      tone: 'muted',
    },
    { text: '' },
  ];
  switch (state.kind) {
    case 'idle':
      return [
        ...intro,
        { text: 'Enter shows them once; Esc leaves and clears the screen.' },
      ];
    case 'deriving':
      return [...intro, { text: `deriving${context.ellipsis}`, tone: 'muted' }];
    case 'refused':
      return [...intro, { text: safeLine(state.message), tone: 'error' }];
    case 'shown': {
      const { credentials } = state;
      const quota = credentials.quota;
      return [
        ...intro,
        {
          text: `Endpoint  ${safeLine(credentials.endpoint)}  (587 STARTTLS, 465 TLS)`,
        },
        { text: `User      ${safeLine(credentials.user)}` },
        { text: `Password  ${safeLine(credentials.password)}`, bold: true },
        { text: '' },
        quota === undefined
          ? { text: safeLine(credentials.quotaNote ?? ''), tone: 'muted' }
          : {
              text: `SES here: ${String(quota.max24HourSend)} messages a day, ${String(quota.maxSendRate)} a second${quota.max24HourSend <= 200 ? ' (sandbox: verified recipients only)' : ''}`,
              tone: 'muted',
            },
        {
          text: 'A secret: c copies the password (OSC 52); Esc clears it from the screen.',
          tone: 'warn',
        },
      ];
    }
  }
}
