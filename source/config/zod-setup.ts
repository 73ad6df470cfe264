/**
 * zod/mini carries no messages of its own: the English ones are installed
 * here, once, by whichever schema loads first, so problems read the same as
 * with zod's full build.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export const nonEmpty = () => z.string().check(z.minLength(1));

export const port = () => z.int().check(z.minimum(1), z.maximum(65535));
