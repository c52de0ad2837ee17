// Commands that run programs do so as VS Code tasks of the program itself, never through a shell (bash, PowerShell and
// cmd.exe quote differently, and VS Code's shell quoting lets a quote inside an argument end it); the task's exit
// code says whether it worked.
import * as vscode from 'vscode';

export interface CommandLine {
  command: string;
  args: string[];
}

/** The program, found on PATH, run with exactly these arguments: no shell reads them, whatever characters they hold. */
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
