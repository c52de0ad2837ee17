// The one way a command is registered: typed id, and every failure becomes one actionable message and a log line.
import * as vscode from 'vscode';
import type { Prompts } from './windowPrompts';
import type { CommandId } from '../../shared/commandIds';
import { errorReport, type ErrorAction } from '../errorActions';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command declares its own arguments
export type CommandHandler = (...args: any[]) => unknown;

export type CommandTable = Partial<Record<CommandId, CommandHandler>>;

export interface CommandContext {
  log: vscode.LogOutputChannel;
  /** Errors are shown through the prompts port, so that tests can read them. */
  prompts: Prompts;
}

export interface RegisterOptions {
  /** Callers that asked for no questions (scripts, tests) get the error thrown back instead of a message. */
  rethrow?(args: unknown[]): boolean;
}

export function registerCommands(ctx: CommandContext, table: CommandTable, options: RegisterOptions = {}): vscode.Disposable[] {
  return Object.entries(table).map(([id, handler]) =>
    vscode.commands.registerCommand(id, withErrorReport(ctx, id as CommandId, handler, options)),
  );
}

function withErrorReport(ctx: CommandContext, id: CommandId, handler: CommandHandler, options: RegisterOptions): CommandHandler {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      const report = errorReport(error);
      if (!report) return undefined;
      ctx.log.error(`${id}: ${report.message}`);
      report.details.forEach((line) => ctx.log.warn(line));
      if (options.rethrow?.(args)) throw error;
      // Opening (not showing) a polyaxonfile lets its diagnostics put every problem in the Problems panel.
      for (const action of report.actions) {
        if ('file' in action) await vscode.workspace.openTextDocument(vscode.Uri.file(action.file)).then(undefined, () => undefined);
      }
      // Not awaited: the command ends now; the message waits for the user.
      void showReport(ctx, report.message, report.actions);
      return undefined;
    }
  };
}

async function showReport(ctx: CommandContext, message: string, actions: ErrorAction[]): Promise<void> {
  try {
    const picked = await ctx.prompts.choose(
      `Polyaxon: ${message}`,
      actions.map((a) => a.title),
      { severity: 'error' },
    );
    const action = actions.find((a) => a.title === picked);
    if (action) await runAction(action);
  } catch (e) {
    ctx.log.error(`Could not show the error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function runAction(action: ErrorAction): Promise<void> {
  if ('command' in action) {
    await vscode.commands.executeCommand(action.command);
  } else if ('settings' in action) {
    await vscode.commands.executeCommand('workbench.action.openSettings', action.settings);
  } else {
    const position = new vscode.Position(Math.max(0, action.line - 1), Math.max(0, action.column - 1));
    await vscode.window.showTextDocument(vscode.Uri.file(action.file), { selection: new vscode.Range(position, position) });
  }
}
