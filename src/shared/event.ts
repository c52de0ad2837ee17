/** The shape of `vscode.Event`, for plain code that listens to a VS Code-side source (a vscode.Event is one). */
export type Event<T> = (listener: (e: T) => unknown) => { dispose(): unknown };
