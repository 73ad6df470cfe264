import { Text } from 'ink';
import { describe, expect, it } from 'vitest';
import { useListLoader } from '../../../hooks/table/useListLoader.js';
import { renderAt } from '../../helpers/render.js';

/** A list of one database's tables, keyed by the database. */
function Tables(props: {
  readonly database: string;
  readonly refreshToken: number;
  readonly calls: string[];
}) {
  const { calls, database } = props;
  const list = useListLoader<string>(
    {
      load: (_cursor, _signal) => {
        calls.push(database);
        return Promise.resolve({
          rows: [`${database}.a`, `${database}.b`],
        });
      },
      refresh: { fast: 0, slow: 0 },
    },
    props.refreshToken,
    database,
  );
  return <Text>{`${list.status}: ${list.rows.join(' ')}`}</Text>;
}

describe('a list loaded by key', () => {
  it('loads again with the new key’s load, and once per refresh token', async () => {
    const calls: string[] = [];
    const view = await renderAt(
      <Tables database="shop" refreshToken={0} calls={calls} />,
    );
    await view.waitFor((frame) => frame.includes('ready: shop.a shop.b'));
    view.raw.rerender(
      <Tables database="audit" refreshToken={0} calls={calls} />,
    );
    await view.waitFor((frame) => frame.includes('ready: audit.a audit.b'));
    // A render with the same key is not a new list.
    view.raw.rerender(
      <Tables database="audit" refreshToken={0} calls={calls} />,
    );
    view.raw.rerender(
      <Tables database="audit" refreshToken={1} calls={calls} />,
    );
    await view.waitFor(() => calls.length === 3);
    expect(calls).toEqual(['shop', 'audit', 'audit']);
    view.unmount();
  });
});
