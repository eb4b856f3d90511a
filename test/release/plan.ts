/**
 * What `npm run package` puts where, as plain data and pure functions (no file system), so the rules can be
 * tested without building anything: the packages' names, which files go into each zip, the version check and
 * the build note the source package carries for the add-on reviewers.
 */

export interface PackageNames {
  chrome: string;
  firefox: string;
  source: string;
}

export function packageNames(version: string): PackageNames {
  return {
    chrome: `spinscope-chrome-${version}.zip`,
    firefox: `spinscope-firefox-${version}.zip`,
    source: `spinscope-source-${version}.zip`,
  };
}

/** The version forms both stores accept: one to four dot-separated integers, no leading zeros, no suffix. */
const STORE_VERSION = /^(0|[1-9]\d{0,8})(\.(0|[1-9]\d{0,8})){0,3}$/;

/**
 * Every reason the package must not be made: a version a store would refuse, or a manifest (the source one
 * or a built one) whose version is not package.json's. Empty when all agree.
 */
export function versionProblems(packageVersion: string, manifests: Record<string, string | undefined>): string[] {
  const problems = STORE_VERSION.test(packageVersion)
    ? []
    : [`package.json version "${packageVersion}" is not a store version (1 to 4 dot-separated numbers, e.g. 1.2.0)`];
  for (const [where, version] of Object.entries(manifests)) {
    if (version !== packageVersion) problems.push(`${where} has version ${JSON.stringify(version ?? null)}, package.json has "${packageVersion}"`);
  }
  return problems;
}

/**
 * The files of a build that go into a store package: everything but hidden files (build caches, editor
 * files) and source maps (the source package carries the sources). Sorted, so the zips are reproducible.
 */
export function storeEntries(buildFiles: readonly string[]): string[] {
  return buildFiles.filter((f) => !f.split('/').some((part) => part.startsWith('.')) && !f.endsWith('.map')).sort();
}

/** What a reviewer needs to rebuild the extension: the sources, the seeds and the build configuration. */
export const SOURCE_ROOTS = ['src/', 'seeds/', 'manifest.json', 'package.json', 'package-lock.json', 'tsconfig.json', 'vite.config.ts', 'README.md'];

/** The tracked files (as `git ls-files` lists them) that go into the source package. */
export function sourceEntries(trackedFiles: readonly string[]): string[] {
  return trackedFiles.filter((f) => SOURCE_ROOTS.some((root) => (root.endsWith('/') ? f.startsWith(root) : f === root))).sort();
}

export const BUILD_NOTE = 'BUILD.md';

/** The build instructions AMO asks for with a bundled add-on: the environment and the exact commands. */
export function buildNote(o: { version: string; node: string; npm: string; platform: string }): string {
  return `# Building Spinscope ${o.version} from this source

The extension's code is bundled by Vite (TypeScript and Preact compiled, modules joined into a few files);
nothing is fetched or generated from outside this archive and the npm registry.

Environment used to build the submitted packages:

- Operating system: ${o.platform}
- Node.js ${o.node}
- npm ${o.npm}

Commands, from the folder this archive was extracted into:

\`\`\`sh
npm ci
npm run build
\`\`\`

\`npm run build\` writes two folders:

- \`dist-firefox/\`: the Firefox add-on; its contents are the files of spinscope-firefox-${o.version}.zip;
- \`dist/\`: the Chrome extension; its contents are the files of spinscope-chrome-${o.version}.zip.

The bundled reference library is built from \`seeds/\` by \`src/node/vite-plugin.ts\` during the same build.
`;
}

/** The manifest fields both stores limit in length (Chrome refuses an upload whose description is longer). */
export const MANIFEST_LIMITS = { name: 75, short_name: 12, description: 132 } as const;

type Messages = Record<string, { message: string } | undefined>;

/** A manifest string with its `__MSG_key__` placeholder replaced by the default locale's message. */
export function resolveMessage(value: string | undefined, messages: Messages): string | undefined {
  const key = /^__MSG_(\w+)__$/.exec(value ?? '')?.[1];
  return key === undefined ? value : messages[key]?.message;
}

/** Every manifest field a store would refuse: missing, or longer than its limit, in the default locale. */
export function manifestTextProblems(manifest: Partial<Record<keyof typeof MANIFEST_LIMITS, string>>, messages: Messages): string[] {
  return Object.entries(MANIFEST_LIMITS).flatMap(([field, limit]) => {
    const text = resolveMessage(manifest[field as keyof typeof MANIFEST_LIMITS], messages);
    if (!text) return [`manifest ${field} is missing or names no message`];
    return text.length > limit ? [`manifest ${field} is ${text.length} characters long, the stores take at most ${limit}: "${text}"`] : [];
  });
}
