// Packs this extension, from its own installed files, into a .vsix laid out as @vscode/vsce writes one:
// `extension.vsixmanifest`, `[Content_Types].xml` and the files under `extension/`.
import { promises as fs } from 'fs';
import * as path from 'path';
import { zip, type ZipEntry } from './zipWriter';

/**
 * What the extension ships, as .vscodeignore keeps it (a test checks both agree): a `*` stands for any name in that
 * one folder. The same files are in an installed extension's folder and in this repository, so a development host
 * (whose extension folder is the repository) packs the same files, not its sources or node_modules.
 */
export const SHIPPED_FILES = [
  'dist/*.js',
  'media/icon.png',
  'media/polyaxon.svg',
  'media/serviceWebview.css',
  'media/serviceWebview.js',
  'media/walkthrough/*.md',
  'media/screenshots/*.png',
  'polyaxonfiles/*.yml',
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
] as const;

/** The shipped files present under `root`, as sorted "/"-separated relative paths. */
export async function shippedFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const pattern of SHIPPED_FILES) {
    const slash = pattern.lastIndexOf('/');
    const [folder, name] = slash < 0 ? ['', pattern] : [pattern.slice(0, slash), pattern.slice(slash + 1)];
    const names = await fs.readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
    const matches = (n: string) => (name.startsWith('*') ? n.endsWith(name.slice(1)) : n === name);
    for (const entry of names) if (entry.isFile() && matches(entry.name)) found.push(folder ? `${folder}/${entry.name}` : entry.name);
  }
  return found.sort();
}

export interface ExtensionManifest {
  name: string;
  publisher: string;
  version: string;
  displayName?: string;
  description?: string;
  engines: { vscode: string };
  categories?: string[];
  keywords?: string[];
  extensionKind?: string[];
}

const xml = (value: string | boolean | undefined) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** The asset type of each file the Marketplace (and VS Code's Extensions view) knows by its role. */
const ASSETS: Record<string, string> = {
  'README.md': 'Microsoft.VisualStudio.Services.Content.Details',
  'CHANGELOG.md': 'Microsoft.VisualStudio.Services.Content.Changelog',
  LICENSE: 'Microsoft.VisualStudio.Services.Content.License',
};

export function vsixManifest(manifest: ExtensionManifest, files: readonly string[], icon?: string): string {
  const assets = [
    ['Microsoft.VisualStudio.Code.Manifest', 'package.json'],
    ...files.filter((f) => ASSETS[f]).map((f) => [ASSETS[f], f]),
    ...(icon ? [['Microsoft.VisualStudio.Services.Icons.Default', icon]] : []),
  ];
  const property = (id: string, value: string | boolean | undefined) => `      <Property Id="${id}" Value="${xml(value)}" />`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">',
    '  <Metadata>',
    `    <Identity Language="en-US" Id="${xml(manifest.name)}" Version="${xml(manifest.version)}" Publisher="${xml(manifest.publisher)}" />`,
    `    <DisplayName>${xml(manifest.displayName ?? manifest.name)}</DisplayName>`,
    `    <Description xml:space="preserve">${xml(manifest.description)}</Description>`,
    `    <Tags>${xml(manifest.keywords?.join(','))}</Tags>`,
    `    <Categories>${xml(manifest.categories?.join(','))}</Categories>`,
    '    <GalleryFlags>Public</GalleryFlags>',
    '    <Properties>',
    property('Microsoft.VisualStudio.Code.Engine', manifest.engines.vscode),
    property('Microsoft.VisualStudio.Code.ExtensionKind', manifest.extensionKind?.join(',')),
    property('Microsoft.VisualStudio.Services.GitHubFlavoredMarkdown', true),
    property('Microsoft.VisualStudio.Services.Content.Pricing', 'Free'),
    '    </Properties>',
    ...(files.includes('LICENSE') ? ['    <License>extension/LICENSE</License>'] : []),
    ...(icon ? [`    <Icon>extension/${xml(icon)}</Icon>`] : []),
    '  </Metadata>',
    '  <Installation>',
    '    <InstallationTarget Id="Microsoft.VisualStudio.Code" />',
    '  </Installation>',
    '  <Dependencies />',
    '  <Assets>',
    ...assets.map(([type, file]) => `    <Asset Type="${type}" Path="extension/${xml(file)}" Addressable="true" />`),
    '  </Assets>',
    '</PackageManifest>',
    '',
  ].join('\n');
}

const MIME: Record<string, string> = {
  '.css': 'text/css',
  '.js': 'application/javascript',
  '.json': 'application/json',
  '.md': 'text/markdown',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.vsixmanifest': 'text/xml',
  '.yml': 'text/yaml',
};

/** The Open Packaging Conventions content types, one per file extension in the package. */
export function contentTypes(files: readonly string[]): string {
  const extensions = new Set(['.json', '.vsixmanifest', ...files.map((f) => path.posix.extname(f).toLowerCase()).filter((e) => e)]);
  const types = [...extensions]
    .sort()
    .map((e) => `<Default Extension="${xml(e)}" ContentType="${MIME[e] ?? 'application/octet-stream'}"/>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${types.join('')}</Types>\n`;
}

/** The .vsix of the extension installed in `root`, as bytes. */
export async function packExtension(root: string): Promise<Buffer> {
  const files = await shippedFiles(root);
  if (!files.includes('package.json')) throw new Error(`No package.json in ${root}: not an extension folder.`);
  const entries: ZipEntry[] = [];
  let manifest: ExtensionManifest & { icon?: string; __metadata?: unknown } = {
    name: '',
    publisher: '',
    version: '',
    engines: { vscode: '' },
  };
  for (const file of files) {
    let data = await fs.readFile(path.join(root, ...file.split('/')));
    if (file === 'package.json') {
      manifest = JSON.parse(data.toString('utf8')) as typeof manifest;
      // VS Code writes its install metadata (ids, timestamps) into an installed extension's package.json.
      if (manifest.__metadata !== undefined) {
        delete manifest.__metadata;
        data = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
      }
    }
    entries.push({ path: `extension/${file}`, data });
  }
  const icon = manifest.icon && files.includes(manifest.icon) ? manifest.icon : undefined;
  return zip([
    { path: 'extension.vsixmanifest', data: Buffer.from(vsixManifest(manifest, files, icon), 'utf8') },
    { path: '[Content_Types].xml', data: Buffer.from(contentTypes(files), 'utf8') },
    ...entries,
  ]);
}
