// Project names as typed in Select Project…: Polyaxon slugs, lower-case as the AISG guide uses them.
import { DIGITS, LOWER, NEWLINES, Prng, SHELL, UNICODE } from './prng';

export interface ProjectNameCase {
  name: string;
  /** The error must match this; undefined for a name that may be created. */
  problem?: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function projectNameCase(rng: Prng, unique: string): ProjectNameCase {
  const slug = () => `${rng.text(LOWER + DIGITS, 1)}${rng.text(`${LOWER}${DIGITS}-_`, rng.int(0, 40))}`;
  switch (rng.int(0, 6)) {
    case 0: {
      // one bad character somewhere after the first
      const bad = rng.pick([...`${SHELL}/ .,:@${UNICODE}${NEWLINES}ABCXYZ`]);
      const base = slug();
      const at = rng.int(1, base.length);
      const what = /\s/.test(bad) ? 'A space or line break' : /[A-Z]/.test(bad) ? `The upper-case "${bad}"` : `"${escape(bad)}"`;
      return { name: `${base.slice(0, at)}${bad}${base.slice(at)}`, problem: new RegExp(`^${what}.* is not allowed in a project name`) };
    }
    case 1: {
      // a leading - or _
      const lead = rng.pick(['-', '_']);
      return { name: `${lead}${slug()}`, problem: new RegExp(`cannot start with "${lead}"`) };
    }
    case 2: {
      // too long
      const name = `${rng.text(LOWER, 1)}${rng.text(LOWER + DIGITS, rng.int(128, 5000))}`;
      return { name, problem: new RegExp(`at most 128 characters \\(this name has ${name.length}\\)`) };
    }
    case 3:
      return { name: rng.pick(['', ' ', '\n', '\t\t']), problem: /Enter a project name/ };
    default: // a valid slug, made unique so that the fake does not answer "already exists"
      return { name: `${slug().slice(0, 100)}-${unique}` };
  }
}
