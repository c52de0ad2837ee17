import * as vscode from 'vscode';
import type { Prompts } from '../../shared/prompts';

export type { Prompts };

export const windowPrompts: Prompts = {
  async confirm(message, { detail, action, modal = true }) {
    const picked = await vscode.window.showWarningMessage(message, { modal, detail }, action);
    return picked === action;
  },
  async choose(message, actions, { detail, modal = false, severity = 'info' } = {}) {
    const show =
      severity === 'error'
        ? vscode.window.showErrorMessage
        : severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    return show<(typeof actions)[number]>(message, { modal, detail }, ...actions);
  },
};

/** A Prompts whose behaviour can be replaced at run time (tests set `current`). */
export class SwitchablePrompts implements Prompts {
  current: Prompts = windowPrompts;
  confirm(message: string, options: { detail?: string; action: string; modal?: boolean }): Promise<boolean> {
    return this.current.confirm(message, options);
  }
  choose<T extends string>(
    message: string,
    actions: readonly T[],
    options?: { detail?: string; modal?: boolean; severity?: 'info' | 'warning' | 'error' },
  ): Promise<T | undefined> {
    return this.current.choose(message, actions, options);
  }
}
