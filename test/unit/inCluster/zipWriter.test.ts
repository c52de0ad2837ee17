// The zip writer's archives, read back by other zip readers: Python's zipfile (which checks each CRC) and Info-ZIP's
// unzip, when installed.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { crc32, zip, type ZipEntry } from '../../../src/inCluster/zipWriter';

/** Whether `program` runs here (`--version` or `-v` exits 0). */
function has(program: string, ...args: string[]): boolean {
  try {
    execFileSync(program, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('inCluster/zipWriter', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plx-zip-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Text that deflates, random bytes that do not (stored), an empty file, a nested path and a non-ASCII name.
  const entries: ZipEntry[] = [
    { path: 'extension/package.json', data: Buffer.from(JSON.stringify({ name: 'x', words: 'abc '.repeat(500) })) },
    { path: 'extension/media/noise.bin', data: randomBytes(4096) },
    { path: 'extension/empty.txt', data: Buffer.alloc(0) },
    { path: '[Content_Types].xml', data: Buffer.from('<Types/>\n') },
    { path: 'extension/walkthrough/日本 ä.md', data: Buffer.from('# ä\n') },
  ];

  it('computes the CRC-32 that zip readers check', () => {
    assert.strictEqual(crc32(Buffer.from('123456789')), 0xcbf43926); // the standard check value
    assert.strictEqual(crc32(Buffer.alloc(0)), 0);
    const zlibCrc = (zlib as { crc32?: (data: Buffer) => number }).crc32;
    for (const entry of entries) if (zlibCrc) assert.strictEqual(crc32(entry.data), zlibCrc(entry.data), entry.path);
  });

  it("writes an archive that Python's zipfile lists, tests (CRCs) and extracts byte for byte", function () {
    if (!has('python3', '--version')) {
      console.log('    skipped: no python3 here');
      return this.skip();
    }
    const file = path.join(dir, 'a.zip');
    fs.writeFileSync(file, zip(entries, new Date(2026, 11, 7, 12, 30, 44)));
    const script = [
      'import sys, zipfile, json',
      'z = zipfile.ZipFile(sys.argv[1])',
      'bad = z.testzip()',
      'print(json.dumps({"bad": bad, "entries": [[i.filename, i.compress_type, i.date_time, i.external_attr >> 16] for i in z.infolist()]}))',
    ].join('\n');
    const read = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as {
      bad: string | null;
      entries: [string, number, number[], number][];
    };
    assert.strictEqual(read.bad, null, 'a CRC or size does not match');
    assert.deepStrictEqual(
      read.entries.map(([name, method]) => [name, method]),
      entries.map((e, i) => [e.path, i === 0 ? 8 : 0]),
      'names in order, deflated (8) unless that would not make them smaller (0, stored: random bytes, tiny files)',
    );
    assert.deepStrictEqual(read.entries[0][2], [2026, 12, 7, 12, 30, 44]);
    assert.ok(
      read.entries.every(([, , , mode]) => mode === 0o100644),
      'regular files, rw-r--r--',
    );
    const out = path.join(dir, 'out');
    execFileSync('python3', ['-m', 'zipfile', '-e', file, out]);
    for (const entry of entries) assert.deepStrictEqual(fs.readFileSync(path.join(out, entry.path)), entry.data, entry.path);
  });

  it('writes an archive that unzip -t finds without errors', function () {
    if (!has('unzip', '-v')) {
      console.log('    skipped: no unzip here');
      return this.skip();
    }
    const file = path.join(dir, 'a.zip');
    fs.writeFileSync(file, zip(entries));
    const tested = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    assert.match(tested, /No errors detected/);
    const listed = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' });
    assert.deepStrictEqual(
      listed.trim().split('\n'),
      entries.map((e) => e.path),
    );
  });
});
