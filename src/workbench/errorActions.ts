// What a failed command tells the user, and which buttons it offers: one table for every command.
import { isPolyaxonError } from '../polyaxon/errors';
import { formatProblem, PolyaxonfileError } from '../polyaxonfile';
import type { CommandId } from '../shared/commandIds';

/** A button: run one of our commands, open VS Code's settings, or open a file at a position. */
export type ErrorAction =
  | { title: string; command: CommandId }
  | { title: string; settings: string }
  | { title: string; file: string; line: number; column: number };

export interface ErrorReport {
  message: string;
  actions: ErrorAction[];
  /** Lines for the log beyond the message (every problem of a polyaxonfile). */
  details: string[];
}

const SHOW_LOG: ErrorAction = { title: 'Show Log', command: 'polyaxon.showOutput' };
const CONFIGURE: ErrorAction = { title: 'Configure Connection', command: 'polyaxon.configureConnection' };

/** undefined for a cancelled request: nothing to say. */
export function errorReport(error: unknown): ErrorReport | undefined {
  if (isPolyaxonError(error, 'cancelled')) return undefined;
  if (error instanceof PolyaxonfileError && error.problems.length) {
    const [first, ...rest] = error.problems;
    const more = rest.length ? ` (+${rest.length} more in the Problems panel and the Polyaxon log)` : '';
    return {
      message: `Nothing was sent to Polyaxon. ${formatProblem(first)}${more}`,
      actions: [{ title: 'Open File', file: first.file, line: first.line, column: first.column }],
      details: error.problems.map(formatProblem),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message, actions: actionsFor(error), details: [] };
}

function actionsFor(error: unknown): ErrorAction[] {
  if (!isPolyaxonError(error)) return [SHOW_LOG];
  switch (error.kind) {
    case 'tls':
      return [
        // Test Connection explains a certificate problem and offers to trust the CA or allow insecure connections.
        ...(error.certificate ? [{ title: 'Trust or Skip Certificate…', command: 'polyaxon.testConnection' } as const] : []),
        { title: 'Open TLS Settings', settings: 'polyaxon.tls' },
        CONFIGURE,
      ];
    case 'unreachable':
    case 'timeout':
    case 'notPolyaxon':
      return [CONFIGURE, SHOW_LOG];
    case 'unauthorized':
    case 'forbidden':
      return [CONFIGURE];
    case 'projectNotFound':
      return [{ title: 'Select Project', command: 'polyaxon.selectProject' }];
    default:
      return [SHOW_LOG];
  }
}
