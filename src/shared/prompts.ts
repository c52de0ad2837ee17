// The questions a flow asks the user: a port that the UI implements (src/workbench/vscode/windowPrompts.ts) and tests answer.

/**
 * Every confirmation goes through here. VS Code refuses modal dialogs in its integration-test host
 * ("DialogService: refused to show dialog in tests"), so tests swap in answers through the extension's API
 * while the Playwright UI tests exercise the real dialogs.
 */
export interface Prompts {
  /** Asks before something destructive or surprising; resolves true only if the user chose `action`. */
  confirm(message: string, options: { detail?: string; action: string; modal?: boolean }): Promise<boolean>;
  /** Offers a choice among `actions`; resolves the one chosen, or undefined when dismissed. */
  choose<T extends string>(
    message: string,
    actions: readonly T[],
    options?: { detail?: string; modal?: boolean; severity?: 'info' | 'warning' | 'error' },
  ): Promise<T | undefined>;
}
