/**
 * Caches for Ink's drawing, put in by the build (build.mjs, `inkCaches`).
 *
 * Ink keeps the styled characters of each line it draws in a cache that
 * lives for one frame: every frame tokenizes every line again, though a key
 * press changes two rows. Across frames the line texts repeat, so here they
 * outlive the frame. Ink's text measuring and wrapping caches, on the other
 * hand, live for the whole process and never forget: a console left open for
 * a day with ages ticking keeps every text it ever drew. Here every cache
 * forgets what two generations of use did not ask for again.
 */

/**
 * A map that keeps what was used lately: entries live in the current
 * generation; when it fills, it becomes the previous one and the older
 * entries go. A lookup that finds an entry in the previous generation
 * moves it into the current one.
 */
export class GenerationMap<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const found = this.current.get(key);
    if (found !== undefined) return found;
    const older = this.previous.get(key);
    if (older !== undefined) this.set(key, older);
    return older;
  }

  set(key: string, value: V): void {
    this.current.set(key, value);
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}

/** The methods Ink's Output calls on its caches. */
export interface LineCaches<Chars> {
  getStyledChars(line: string): Chars;
  getStringWidth(text: string): number;
  getWidestLine(text: string): number;
}

/**
 * Ink's per-frame caches, shared by every frame. Ink only reads the styled
 * characters it gets (it places the same objects in its grid and prints
 * them), so one array may serve many frames. A line of the console's
 * 200-column frame is a few hundred small objects: a few hundred lines is
 * several frames' worth at a few MB.
 */
export function createLineCaches<Chars>(
  styledChars: (line: string) => Chars,
  width: (text: string) => number,
  limit = 400,
): LineCaches<Chars> {
  const chars = new GenerationMap<Chars>(limit);
  const widths = new GenerationMap<number>(limit * 8);
  const widest = new GenerationMap<number>(limit);
  const measure = (text: string): number => {
    let known = widths.get(text);
    if (known === undefined) {
      known = width(text);
      widths.set(text, known);
    }
    return known;
  };
  return {
    getStyledChars(line) {
      let known = chars.get(line);
      if (known === undefined) {
        known = styledChars(line);
        chars.set(line, known);
      }
      return known;
    },
    getStringWidth: measure,
    getWidestLine(text) {
      let known = widest.get(text);
      if (known === undefined) {
        known = 0;
        for (const line of text.split('\n'))
          known = Math.max(known, measure(line));
        widest.set(text, known);
      }
      return known;
    },
  };
}
