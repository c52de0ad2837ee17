import type * as vscode from 'vscode';

/** Tokens live in SecretStorage, one per host, so switching hosts never sends a token to the wrong server. */
export class TokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  static key(host: string): string {
    return `polyaxon.token.${host}`;
  }

  get(host: string): Thenable<string | undefined> {
    return this.secrets.get(TokenStore.key(host));
  }

  set(host: string, token: string): Thenable<void> {
    return this.secrets.store(TokenStore.key(host), token);
  }

  delete(host: string): Thenable<void> {
    return this.secrets.delete(TokenStore.key(host));
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((e) => {
      if (e.key.startsWith('polyaxon.token.')) listener();
    });
  }
}
