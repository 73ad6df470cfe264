/**
 * Tag edits as people type them: `env=prod team="data eng"` to set,
 * `old-key other` to remove. Checked against EC2's rules before any call.
 */
import type { Tags } from '../../aws/ec2/types.js';
import type { Glyphs } from '../../lib/charset.js';

export type ParsedTags<T> =
  { ok: true; value: T } | { ok: false; error: string };

function words(text: string): { list: string[]; error?: string } {
  const list: string[] = [];
  const pattern = /(?:[^\s"]+|"[^"]*")+/g;
  for (const match of text.matchAll(pattern))
    list.push(match[0].replace(/"/g, ''));
  if ((text.match(/"/g) ?? []).length % 2 === 1)
    return { list, error: 'a quote is not closed' };
  return { list };
}

function keyProblem(key: string, glyphs: Glyphs): string | undefined {
  if (key === '') return 'a tag key is empty';
  if (key.length > 128)
    return `tag key ${key.slice(0, 20)}${glyphs.ellipsis} is longer than 128 characters`;
  if (key.toLowerCase().startsWith('aws:'))
    return `tag keys starting with aws: belong to AWS (${key})`;
  return undefined;
}

export function parseTagAssignments(
  text: string,
  glyphs: Glyphs,
): ParsedTags<Tags> {
  const { list, error } = words(text);
  if (error) return { ok: false, error };
  const tags: Record<string, string> = {};
  for (const word of list) {
    const at = word.indexOf('=');
    if (at === -1) return { ok: false, error: `${word}: write key=value` };
    const key = word.slice(0, at);
    const value = word.slice(at + 1);
    const problem = keyProblem(key, glyphs);
    if (problem) return { ok: false, error: problem };
    if (value.length > 256)
      return {
        ok: false,
        error: `the value of ${key} is longer than 256 characters`,
      };
    tags[key] = value;
  }
  return { ok: true, value: tags };
}

/** Tags as they would be typed to set them again: quotes where a value has spaces. */
export function formatTagAssignments(tags: Tags): string {
  return Object.entries(tags)
    .map(
      ([key, value]) =>
        `${key}=${/\s/.test(value) || value === '' ? `"${value}"` : value}`,
    )
    .join(' ');
}
