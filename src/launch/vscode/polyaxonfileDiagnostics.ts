// Problems of open polyaxonfiles in the Problems panel, with file, line and column, updated as they are edited.
// Thin: which files count and what is wrong where is src/polyaxonfile/diagnose.ts.
import * as vscode from 'vscode';
import { diagnosePolyaxonfile, looksLikePolyaxonfile } from '../../polyaxonfile/diagnose';

/** Editing re-checks after this pause, not at every key. */
const EDIT_DEBOUNCE_MS = 400;

export class PolyaxonfileDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('polyaxon');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((doc) => this.check(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.checkSoon(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        clearTimeout(this.pending.get(doc.uri.toString()));
        this.collection.delete(doc.uri);
      }),
    ];
    for (const doc of vscode.workspace.textDocuments) this.check(doc);
  }

  private checkSoon(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.check(doc);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  private check(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' || !looksLikePolyaxonfile(doc.uri.fsPath, doc.getText())) return;
    try {
      const diagnostics = diagnosePolyaxonfile(doc.getText(), doc.uri.fsPath).map((d) => {
        const range = new vscode.Range(d.startLine, d.startColumn, d.endLine, d.endColumn);
        const diagnostic = new vscode.Diagnostic(range, d.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'Polyaxon';
        if (d.field) diagnostic.code = d.field;
        return diagnostic;
      });
      this.collection.set(doc.uri, diagnostics);
    } catch (e) {
      this.log.warn(`Could not check ${doc.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
