import * as assert from 'assert';
import { imageReferenceProblem } from '../../../src/polyaxonfile/imageReference';

// Accepted and refused by `docker pull` / distribution/reference's ParseNormalizedNamed.
const VALID = [
  'ubuntu',
  'ubuntu:22.04',
  'codercom/code-server:4.23.1',
  'registry.aisingapore.net/aiap/vscode-server:0.1.0',
  'localhost/foo',
  'localhost:5000/team/app:latest',
  'gcr.io/my-project/my_image__x:v1.2-rc_3',
  'a.b-c/d--e/f.g',
  'ghcr.io/owner/repo@sha256:' + 'a'.repeat(64),
  'ghcr.io/owner/repo:tag@sha256:' + 'F'.repeat(64),
  '[::1]:5000/foo:bar',
  'Registry.Example.COM/foo',
  'x'.repeat(255),
  `repo:${'t'.repeat(128)}`,
];

const INVALID: Array<[string, RegExp]> = [
  ['my image:latest', /it has a space$/],
  ['ubuntu\t', /blank character/],
  ['', /it is empty$/],
  ['MyImage', /must be lowercase/],
  ['team/MyImage:1', /must be lowercase \('MyImage'\)/],
  ['ubuntu:', /tag after the colon is empty/],
  ['ubuntu:.hidden', /the tag '.hidden' may hold only/],
  [`repo:${'t'.repeat(129)}`, /at most 128 characters/],
  ['ubuntu:1@sha256:abc', /digest 'sha256:abc'/],
  ['foo//bar', /empty path component/],
  ['foo/', /empty path component/],
  ['foo/bar!', /'!' cannot appear/],
  ['-foo', /must start and end with a letter or digit/],
  ['foo..bar', /must start and end with a letter or digit/],
  ['host-:5000/foo', /the registry 'host-:5000'/],
  [':tag', /name is missing/],
  ['x'.repeat(256), /longer than 255 characters/],
];

describe('imageReferenceProblem', () => {
  for (const image of VALID) {
    it(`accepts ${image.length > 40 ? `${image.slice(0, 30)}… (${image.length} chars)` : image}`, () => {
      assert.strictEqual(imageReferenceProblem(image), undefined);
    });
  }
  for (const [image, why] of INVALID) {
    it(`refuses ${JSON.stringify(image.length > 40 ? `${image.slice(0, 30)}…` : image)}`, () => {
      const problem = imageReferenceProblem(image);
      assert.ok(problem, `${image} should be refused`);
      assert.ok(problem.startsWith(`'${image}' is not an image reference: `), problem);
      assert.match(problem, why);
    });
  }

  it('says plainly that a space is the problem, as the wizard shows it', () => {
    assert.strictEqual(imageReferenceProblem('my image:latest'), "'my image:latest' is not an image reference: it has a space");
  });
});
