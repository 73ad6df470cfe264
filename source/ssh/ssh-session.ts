/**
 * A reconnecting SSH session to one target (through its jump hosts). It is
 * an external store for the UI (state + subscribe). When the link drops the
 * state becomes "disconnected" and the next action connects again, verifying
 * the host key again; nothing that was running is replayed. close() ends
 * every channel and client so the process can exit.
 */
import type { Client, ClientChannel } from 'ssh2';
import { UserError } from '../lib/errors.js';
import type { KeyCache } from './ssh-auth.js';
import { connectHop, hopName } from './ssh-connect.js';
import { DisconnectedError, tunnelError } from './ssh-errors.js';
import { runExec } from './ssh-exec.js';
import { resolveHops } from './ssh-resolve.js';
import type {
  SshHop,
  SshState,
  SshSession,
  SshSessionOptions,
} from './ssh-types.js';
import { createStore } from '../lib/store.js';

export function createSshSession(options: SshSessionOptions): SshSession {
  const hops: SshHop[] = resolveHops(options.target, options.environment);
  const targetHop = hops[hops.length - 1] as SshHop;
  const name = hopName(targetHop);
  const keys: KeyCache = new Map();
  const changes = createStore(undefined);
  const channels = new Set<ClientChannel>();
  let clients: Client[] = [];
  let state: SshState = 'idle';
  let lastError: UserError | undefined;
  let generation = 0;
  /** A link that never came up was not lost: it failed. */
  let connectedOnce = false;
  let connecting: Promise<void> | undefined;

  const setState = (next: SshState, error?: UserError) => {
    state = next;
    if (error) lastError = error;
    changes.notify();
  };

  const dropAll = () => {
    for (const channel of channels) channel.destroy();
    channels.clear();
    for (const client of clients.reverse()) client.end();
    clients = [];
  };

  const onLinkClosed = (mine: number) => {
    if (mine !== generation || state !== 'connected') return;
    dropAll();
    setState('disconnected', new DisconnectedError(name));
  };

  async function open(signal?: AbortSignal): Promise<void> {
    setState('connecting');
    const opened: Client[] = [];
    const mine = ++generation;
    try {
      for (const [index, hop] of hops.entries()) {
        const previous = opened[index - 1];
        const sock = previous
          ? await new Promise<ClientChannel>((resolve, reject) =>
              previous.forwardOut(
                '127.0.0.1',
                0,
                hop.host,
                hop.port,
                (error, channel) =>
                  error
                    ? reject(
                        tunnelError(
                          error,
                          `${hop.host}:${hop.port}`,
                          hopName(hops[index - 1] as SshHop),
                        ),
                      )
                    : resolve(channel),
              ),
            )
          : undefined;
        const client = await connectHop(hop, {
          prompts: options.prompts,
          keys,
          sock,
          keepaliveMs: options.keepaliveMs,
          keepaliveCountMax: options.keepaliveCountMax,
          signal,
        });
        opened.push(client);
        client.on('close', () => onLinkClosed(mine));
        // A keepalive timeout may come without 'close' (a known ssh2 issue): treat it as a drop too.
        client.on('error', () => onLinkClosed(mine));
      }
    } catch (error) {
      for (const client of opened.reverse()) client.end();
      const failure =
        error instanceof UserError
          ? error
          : new UserError(`SSH to ${name} failed`, { cause: error });
      setState(
        state === 'closed'
          ? 'closed'
          : connectedOnce
            ? 'disconnected'
            : 'failed',
        failure,
      );
      throw failure;
    }
    if (state === 'closed') {
      for (const client of opened.reverse()) client.end();
      throw new UserError(`SSH session to ${name} was closed`);
    }
    clients = opened;
    connectedOnce = true;
    lastError = undefined;
    setState('connected');
  }

  const connect = (signal?: AbortSignal): Promise<void> => {
    if (state === 'connected') return Promise.resolve();
    if (state === 'closed')
      return Promise.reject(new UserError(`SSH session to ${name} is closed`));
    connecting ??= open(signal).finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  const track = (channel: ClientChannel): ClientChannel => {
    channels.add(channel);
    channel.once('close', () => channels.delete(channel));
    return channel;
  };

  const target = async (signal?: AbortSignal): Promise<Client> => {
    await connect(signal);
    const client = clients[clients.length - 1];
    if (!client) throw new DisconnectedError(name);
    return client;
  };

  const channelOf = (
    start: (
      client: Client,
      done: (error: Error | undefined, channel: ClientChannel) => void,
    ) => void,
    describe: string,
    signal?: AbortSignal,
  ) =>
    target(signal).then(
      (client) =>
        new Promise<ClientChannel>((resolve, reject) =>
          start(client, (error, channel) =>
            error
              ? reject(tunnelError(error, describe, name))
              : resolve(track(channel)),
          ),
        ),
    );

  return {
    name,
    state: () => state,
    lastError: () => lastError,
    generation: () => generation,
    subscribe: changes.subscribe,
    connect,
    forwardOut: (host, port, signal) =>
      channelOf(
        (client, done) => client.forwardOut('127.0.0.1', 0, host, port, done),
        `${host}:${port}`,
        signal,
      ),
    forwardSocket: (path, signal) =>
      channelOf(
        (client, done) => client.openssh_forwardOutStreamLocal(path, done),
        path,
        signal,
      ),
    async exec(command, execOptions = {}) {
      const channel = await this.openExec(command, execOptions.signal);
      return runExec(channel, execOptions);
    },
    openExec: (command, signal) =>
      target(signal).then(
        (client) =>
          new Promise<ClientChannel>((resolve, reject) =>
            client.exec(command, (error, channel) =>
              error
                ? reject(
                    new UserError(
                      `cannot run a command on ${name}: ${error.message}`,
                      {
                        cause: error,
                        hint: 'sshd may limit sessions (MaxSessions)',
                      },
                    ),
                  )
                : resolve(track(channel)),
            ),
          ),
      ),
    async close() {
      const wasOpen = clients.length > 0;
      const closing = clients.map(
        (client) =>
          new Promise<void>((resolve) => client.once('close', () => resolve())),
      );
      setState('closed');
      dropAll();
      if (wasOpen)
        await Promise.race([
          Promise.all(closing),
          new Promise((resolve) => setTimeout(resolve, 2000).unref()),
        ]);
    },
  };
}

export { type SshSession, type SshSessionOptions } from './ssh-types.js';
