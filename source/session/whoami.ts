/** The `:whoami` view: identity, where calls go, and how to fix a problem. */
import { NO_CREDENTIALS_HELP } from '../aws/aws-errors.js';
import type { CallerIdentity } from '../aws/identity.js';
import type { SessionSettings } from './session-settings.js';
import type { DetailSection } from '../lib/view-types.js';

export interface WhoAmIInput {
  readonly settings: SessionSettings;
  readonly profileLabel: string;
  readonly identity:
    | { ok: true; value: CallerIdentity }
    | { ok: false; message: string; hint?: string | undefined; kind: string }
    | undefined;
  readonly configPath: string;
  readonly configProblems: readonly string[];
  readonly eventFile: string | undefined;
  readonly labSummary?: readonly string[] | undefined;
}

export function whoAmISections(input: WhoAmIInput): DetailSection[] {
  const { settings, identity } = input;
  const sections: DetailSection[] = [];
  const session: [string, string][] = [
    ['Profile', input.profileLabel],
    ['Region', settings.region],
    ['Endpoint', settings.endpoint ?? 'AWS (default endpoints)'],
    [
      'Mode',
      settings.readOnly
        ? `read-only: ${settings.readOnlyReason}`
        : 'read-write (every write asks first)',
    ],
  ];
  sections.push({ title: 'Session', rows: session });
  if (identity?.ok) {
    sections.push({
      title: 'Caller identity (sts:GetCallerIdentity)',
      rows: [
        ['Account', identity.value.account],
        ['ARN', identity.value.arn],
        ['User ID', identity.value.userId],
      ],
    });
  } else if (identity && !identity.ok) {
    const rows: [string, string][] = [['Problem', identity.message]];
    if (identity.hint) rows.push(['What to do', identity.hint]);
    sections.push({ title: 'Caller identity', rows });
    if (identity.kind === 'no-credentials')
      sections.push({
        title: 'How to configure credentials',
        rows: NO_CREDENTIALS_HELP.map((line) => ['', line] as [string, string]),
      });
  } else {
    sections.push({ title: 'Caller identity', rows: [['Status', 'checking']] });
  }
  const files: [string, string][] = [['Config file', input.configPath]];
  for (const problem of input.configProblems)
    files.push(['Config problem', problem]);
  if (input.eventFile) files.push(['Event log file', input.eventFile]);
  sections.push({ title: 'Files', rows: files });
  if (input.labSummary && input.labSummary.length > 0) {
    sections.push({
      title: 'Local lab (--demo)',
      rows: input.labSummary.map((line) => ['', line] as [string, string]),
    });
  }
  return sections;
}
