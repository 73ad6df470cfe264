/**
 * Lays a list of lines out in two columns for wide terminals: the split
 * falls on a heading near the middle so a section is never cut in two. Pure.
 */
export function twoColumns<Line>(
  lines: readonly Line[],
  isHeading: (line: Line) => boolean,
): [Line | undefined, Line | undefined][] {
  const middle = Math.ceil(lines.length / 2);
  let split = lines.findIndex(
    (line, index) => index >= middle && isHeading(line),
  );
  if (split === -1) split = middle;
  const left = lines.slice(0, split);
  const right = lines.slice(split);
  return Array.from(
    { length: Math.max(left.length, right.length) },
    (_, index) => [left[index], right[index]],
  );
}
