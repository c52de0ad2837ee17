// A minimal stand-in for the `vscode` module: enough of the API for the bundled extension to load and activate()
// in plain Node, so that the bench can time both in fresh processes. Nothing here talks to a workbench: commands
// register into a map, settings are their defaults, secrets live in memory, UI calls resolve to "dismissed".
// Any member not written out below is a harmless callable that returns another such value (never a thenable).

type Listener<T> = (e: T) => unknown;

export class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  constructor(private readonly onDispose: () => unknown = () => undefined) {}
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query = '',
    readonly fragment = '',
  ) {}
  static file(p: string): Uri {
    return new Uri('file', '', p);
  }
  static parse(text: string): Uri {
    const u = new URL(text);
    return new Uri(u.protocol.replace(/:$/, ''), u.host, u.pathname, u.search.replace(/^\?/, ''), u.hash.replace(/^#/, ''));
  }
  static from(c: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.query, c.fragment);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, base.authority, [base.path, ...parts].join('/').replace(/\/+/g, '/'));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: Partial<{ scheme: string; authority: string; path: string; query: string; fragment: string }>): Uri {
    const { scheme = this.scheme, authority = this.authority, path = this.path, query = this.query, fragment = this.fragment } = change;
    return new Uri(scheme, authority, path, query, fragment);
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
}

/** Base for the API's plain data classes (TreeItem, ThemeIcon, Task, …): keeps what it is given. */
class Plain {
  readonly args: unknown[];
  constructor(...args: unknown[]) {
    this.args = args;
  }
}
export class TreeItem extends Plain {}
export class ThemeIcon extends Plain {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
}
export class ThemeColor extends Plain {}
export class MarkdownString extends Plain {
  value = '';
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text;
    return this;
  }
}
export class Task extends Plain {}
export class ShellExecution extends Plain {}
export class ProcessExecution extends Plain {}
export class RelativePattern extends Plain {}
export class TabInputText extends Plain {}
export class CancellationTokenSource {
  token = { isCancellationRequested: false, onCancellationRequested: new EventEmitter<void>().event };
  cancel(): void {
    this.token.isCancellationRequested = true;
  }
  dispose(): void {}
}

/** A value that can stand for any part of the API: callable, constructible, every member another such value. */
function anything(): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get(_t, key) {
      // Never a thenable (an `await` would wait forever), never a string in disguise.
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return undefined;
      if (!cache.has(key)) cache.set(key, anything());
      return cache.get(key);
    },
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

function withFallback<T extends object>(known: T): T {
  return new Proxy(known, {
    get: (t, key) => (key in t ? (t as Record<PropertyKey, unknown>)[key] : key === 'then' ? undefined : anything()),
  });
}

const event = () => new Disposable();
const commandTable = new Map<string, (...args: unknown[]) => unknown>();
const contextKeys = new Map<string, unknown>();

export const commands = withFallback({
  registerCommand(id: string, handler: (...args: unknown[]) => unknown): Disposable {
    commandTable.set(id, handler);
    return new Disposable(() => commandTable.delete(id));
  },
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    if (id === 'setContext') {
      contextKeys.set(String(args[0]), args[1]);
      return undefined;
    }
    return commandTable.get(id)?.(...args);
  },
  getCommands: async () => [...commandTable.keys()],
});

/** The handler registered under `id` now (tests tell a stub from the command that replaced it). */
export const commandHandler = (id: string) => commandTable.get(id);

const configuration = () =>
  withFallback({
    get: <T>(_key: string, fallback?: T) => fallback,
    has: () => false,
    inspect: () => undefined,
    update: async () => undefined,
  });

export const workspace = withFallback({
  getConfiguration: configuration,
  workspaceFolders: undefined,
  isTrusted: true,
  onDidChangeConfiguration: event,
  onDidGrantWorkspaceTrust: event,
  onDidChangeWorkspaceFolders: event,
  onDidCloseTextDocument: event,
  onDidOpenTextDocument: event,
  onDidSaveTextDocument: event,
  textDocuments: [],
  registerTextDocumentContentProvider: () => new Disposable(),
  findFiles: async () => [],
});

const outputChannel = () =>
  withFallback({
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    debug: () => undefined,
    trace: () => undefined,
    append: () => undefined,
    appendLine: () => undefined,
    show: () => undefined,
    clear: () => undefined,
    dispose: () => undefined,
    onDidChangeLogLevel: event,
    logLevel: 2,
  });

export const window = withFallback({
  createOutputChannel: outputChannel,
  createStatusBarItem: () => withFallback({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
  createTreeView: () =>
    withFallback({
      visible: false,
      onDidChangeVisibility: event,
      onDidChangeSelection: event,
      onDidExpandElement: event,
      onDidCollapseElement: event,
      reveal: async () => undefined,
      dispose: () => undefined,
    }),
  registerTreeDataProvider: () => new Disposable(),
  registerWebviewPanelSerializer: () => new Disposable(),
  registerUriHandler: () => new Disposable(),
  onDidChangeActiveTextEditor: event,
  onDidChangeWindowState: event,
  onDidOpenTerminal: event,
  onDidCloseTerminal: event,
  state: { focused: true },
  terminals: [],
  tabGroups: withFallback({ all: [], onDidChangeTabs: event }),
  showInformationMessage: async () => undefined,
  showWarningMessage: async () => undefined,
  showErrorMessage: async () => undefined,
  showQuickPick: async () => undefined,
  showInputBox: async () => undefined,
  withProgress: async <T>(_o: unknown, task: (p: unknown, t: unknown) => Promise<T>) =>
    task({ report: () => undefined }, new CancellationTokenSource().token),
});

export const extensions = withFallback({ getExtension: () => undefined, all: [], onDidChange: event });
export const env = withFallback({
  appName: 'Visual Studio Code',
  appHost: 'desktop',
  uiKind: 1,
  remoteName: undefined,
  machineId: 'bench',
  sessionId: 'bench',
  language: 'en',
  asExternalUri: async (u: Uri) => u,
  openExternal: async () => false,
  clipboard: { readText: async () => '', writeText: async () => undefined },
});
/** Diagnostics: the polyaxonfile problems' collection; nothing to show here. */
export const languages = withFallback({});
export const tasks = withFallback({
  onDidEndTask: event,
  onDidEndTaskProcess: event,
  onDidStartTask: event,
  executeTask: async () => anything(),
});

export const ExtensionMode = { Production: 1, Development: 2, Test: 3 } as const;
export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 } as const;
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 } as const;
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;
export const UIKind = { Desktop: 1, Web: 2 } as const;
export const LogLevel = { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 } as const;
export const TaskScope = { Global: 1, Workspace: 2 } as const;
export const ShellQuoting = { Escape: 1, Strong: 2, Weak: 3 } as const;
export const QuickPickItemKind = { Separator: -1, Default: 0 } as const;
export const NotebookCellKind = { Markup: 1, Code: 2 } as const;
export const QuickInputButtons = { Back: { iconPath: new ThemeIcon('arrow-left') } };
export const version = '1.90.0';

/** A context for activate(): in-memory state and secrets, and the bundled extension's folder. */
export function extensionContext(extensionPath: string, mode: number = ExtensionMode.Production) {
  const memento = () => {
    const values = new Map<string, unknown>();
    return {
      get: <T>(key: string, fallback?: T) => (values.has(key) ? values.get(key) : fallback) as T,
      update: async (key: string, value: unknown) => void values.set(key, value),
      keys: () => [...values.keys()],
      setKeysForSync: () => undefined,
    };
  };
  const secrets = new Map<string, string>();
  const secretsChanged = new EventEmitter<{ key: string }>();
  return withFallback({
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath,
    extensionUri: Uri.file(extensionPath),
    extensionMode: mode,
    globalState: memento(),
    workspaceState: memento(),
    secrets: {
      get: async (key: string) => secrets.get(key),
      store: async (key: string, value: string) => void secrets.set(key, value),
      delete: async (key: string) => void secrets.delete(key),
      onDidChange: secretsChanged.event,
    },
    storageUri: undefined,
    globalStorageUri: Uri.file('/tmp/polyaxon-bench-global'),
    logUri: Uri.file('/tmp/polyaxon-bench-log'),
    asAbsolutePath: (p: string) => `${extensionPath}/${p}`,
  });
}
