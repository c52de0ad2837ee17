// Server text in Markdown tooltips, rendered by a CommonMark renderer: it must come out as the same text, inert.
import * as assert from 'assert';
import { escapeMarkdown, inlineCode } from '../../../src/presentation/markdownText';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options?: object) => { renderInline(src: string): string };
const md = new MarkdownIt({ linkify: false });
const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('markdown text of server-provided strings', () => {
  const hostile = [
    '[click me](https://evil.example/steal)',
    '![x](https://evil.example/pixel.png)',
    '**bold** _em_ `code` <b>html</b> # heading',
    'run\\name with \\[brackets\\] and $(zap) icon',
    'line one\n\n- list\nline two',
    '<https://evil.example/autolink>',
  ];

  it('escapeMarkdown renders every character as literal text: no link, image, emphasis, html or icon', () => {
    assert.ok(hostile.length > 0);
    for (const text of hostile) {
      const html = md.renderInline(escapeMarkdown(text));
      assert.ok(!/<(a|img|strong|em|code|b)\b/.test(html), `${text} rendered as ${html}`);
      assert.strictEqual(decode(html), text.replace(/[\r\n]+/g, ' '), text);
    }
    assert.ok(escapeMarkdown('$(zap)').startsWith('\\$'), 'VS Code theme icons are escaped as \\$');
  });

  it('inlineCode keeps backticks inside the code span', () => {
    for (const text of ['img`**x**`', 'a``b', '`leading', 'trailing`', 'plain:1.0']) {
      const html = md.renderInline(`Image: ${inlineCode(text)}`);
      const m = /^Image: <code>(.*)<\/code>$/.exec(html);
      assert.ok(m, `${text} rendered as ${html}`);
      assert.strictEqual(decode(m[1]), text);
    }
  });
});
