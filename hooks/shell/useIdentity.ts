import { useEffect, useState } from 'react';
import type { CallerIdentity } from '../../source/aws/identity.js';
import type { AwsProblemKind } from '../../source/aws/aws-errors.js';
import { isAbortError, UserError } from '../../source/lib/errors.js';
import type { Session } from '../../source/session/session.js';
import { useAppDeps } from '../context/app-context.js';

export type IdentityState =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly identity: CallerIdentity }
  | {
      readonly status: 'problem';
      readonly kind: AwsProblemKind;
      readonly message: string;
      readonly hint: string | undefined;
    };

interface Stored {
  readonly key: string;
  readonly state: IdentityState;
}

const LOADING: IdentityState = { status: 'loading' };

/** Caller identity of the session; "loading" the moment the session changes. */
export function useIdentity(
  session: Session,
  refreshToken: number,
): IdentityState {
  const key = `${session.id}:${refreshToken}`;
  const { events } = useAppDeps();
  const [stored, setStored] = useState<Stored>({ key: '', state: LOADING });
  useEffect(() => {
    const controller = new AbortController();
    session.services.identity.whoAmI(controller.signal).then(
      (identity) => setStored({ key, state: { status: 'ok', identity } }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        const kind = (error as { kind?: AwsProblemKind }).kind ?? 'other';
        const message = error instanceof Error ? error.message : String(error);
        const hint = error instanceof UserError ? error.hint : undefined;
        events.record(
          'error',
          'identity',
          hint ? `${message} (${hint})` : message,
        );
        setStored({ key, state: { status: 'problem', kind, message, hint } });
      },
    );
    return () => controller.abort();
  }, [session, key, events]);
  // Derived, not synced: an answer for an older session is never shown.
  return stored.key === key ? stored.state : LOADING;
}
