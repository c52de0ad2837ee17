// Commands that run programs do so as VS Code tasks, never as a hand-built command line (bash, PowerShell 5 and
// cmd.exe quote differently, and `&&` is no separator in PowerShell 5); the task's exit code says whether it worked.
import * as vscode from 'vscode';

export interface CommandLine {
  command: string;
  args: string[];
}

/**
 * The program run by the user's shell, each argument quoted by VS Code for that shell (strong quoting: no expansion).
 * For programs the user's shell profile puts on PATH (docker); VS Code's strong quoting does not escape a quote
 * inside an argument, so callers keep quotes out.
 */
export function quotedShellExecution(line: CommandLine, options?: vscode.ShellExecutionOptions): vscode.ShellExecution {
  const quoted = (value: string): vscode.ShellQuotedString => ({ value, quoting: vscode.ShellQuoting.Strong });
  return new vscode.ShellExecution(quoted(line.command), line.args.map(quoted), options);
}

/** The program, found on PATH, run with exactly these arguments. */
export function processExecution(line: CommandLine, options?: vscode.ProcessExecutionOptions): vscode.ProcessExecution {
  return new vscode.ProcessExecution(line.command, line.args, options);
}

/**
 * Runs `task` and resolves its exit code, or undefined when it ended without one (its terminal was closed).
 * Matched by name and source, which callers make unique: the end event may come before executeTask resolves.
 */
export function runTask(task: vscode.Task): Promise<number | undefined> {
  const isOurs = (e: { execution: vscode.TaskExecution }) => e.execution.task.name === task.name && e.execution.task.source === task.source;
  return new Promise<number | undefined>((resolve, reject) => {
    let exitCode: number | undefined;
    const disposables = [
      vscode.tasks.onDidEndTaskProcess((e) => {
        if (isOurs(e)) exitCode = e.exitCode;
      }),
      // Fires after the process end event, and also when the terminal is closed while the process runs.
      vscode.tasks.onDidEndTask((e) => {
        if (!isOurs(e)) return;
        vscode.Disposable.from(...disposables).dispose();
        resolve(exitCode);
      }),
    ];
    vscode.tasks.executeTask(task).then(undefined, (e: unknown) => {
      vscode.Disposable.from(...disposables).dispose();
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}
