import * as assert from 'assert';
import { KEYBOARD_BACK_MESSAGE, keyboardBackPage, parseKeyboardBackAnswer } from '../../../src/inCluster/keyboardBackPage';

describe('keyboardBackPage', () => {
  it('runs only its own script, and tells only the tab page found three frames above it', () => {
    const html = keyboardBackPage('n0nce');
    assert.match(html, /content="default-src 'none'; script-src 'nonce-n0nce'"/);
    assert.strictEqual([...html.matchAll(/<script/g)].length, 1);
    assert.match(html, /<script nonce="n0nce">/);
    assert.ok(html.includes(`path[path.length - 4].postMessage({ type: '${KEYBOARD_BACK_MESSAGE}' }, '*')`));
    assert.ok(html.includes('const embedded = path.length >= 6;'));
  });

  it("reads the page's answer, and nothing else", () => {
    assert.strictEqual(parseKeyboardBackAnswer({ type: 'sent', embedded: true }), true);
    assert.strictEqual(parseKeyboardBackAnswer({ type: 'sent', embedded: false }), false);
    for (const other of [null, 'sent', { type: 'sent' }, { type: 'sent', embedded: 'yes' }, { type: 'other', embedded: true }]) {
      assert.strictEqual(parseKeyboardBackAnswer(other), undefined, JSON.stringify(other));
    }
  });
});
