// Server-provided text (run names, images, messages) inside Markdown tooltips: shown as text, never as markup, links
// or theme icons (no vscode: unit-tested with a CommonMark renderer).

/** `text` as literal Markdown text on one line: every ASCII punctuation character is backslash-escaped (CommonMark §2.4). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** `text` as an inline code span, fenced with more backticks than it holds (CommonMark §6.1). */
export function inlineCode(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side keeps a leading or trailing backtick from joining the fence; CommonMark strips one of each.
  return `${fence} ${oneLine} ${fence}`;
}
