/**
 * A problem the validator found, and how the page, the editor and the CLI put it in words. Apart
 * from ./validate.ts so that the page can show problems without loading the validator.
 */

export interface Problem {
  /** JSON path such as `events[12].start`; empty for the file as a whole. */
  path: string;
  expected: string;
  /** What stands there now, described or quoted; empty when it does not apply. */
  found: string;
}

export function formatProblem({ path, expected, found }: Problem): string {
  return `${path || 'file'}: ${expected}${found ? `, found ${found}` : ''}`;
}
