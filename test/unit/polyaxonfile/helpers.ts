import * as fs from 'fs';
import * as path from 'path';
import { parsePolyaxonfile, Polyaxonfile } from '../../../src/polyaxonfile/parse';

export const REPO = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/polyaxonfiles');
import { SHARED_POLYAXON } from '../sharedFacts';

export const SHARED = SHARED_POLYAXON;

export function readPolyaxonfile(file: string): Polyaxonfile {
  return parsePolyaxonfile(fs.readFileSync(file, 'utf8'), file);
}
