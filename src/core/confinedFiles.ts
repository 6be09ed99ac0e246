import type { FileFacts, FileSystem } from './fileSystem';

/**
 * Files that one file names (a pack's templates and examples, a capacity file's
 * CSVs) must not lead anywhere else: a colleague's pack or capacity file must never
 * make Pushback read, echo or overwrite a file outside it. Every check is made on
 * the real path (`realpath`), so a symbolic link anywhere on the way is seen, and
 * on what is there (a regular file of bounded size: never `/dev/zero` or a pipe).
 */
export interface Confinement {
  /** The folder the files must stay in, as given (it may itself be reached through a link). */
  root: string;
  /**
   * `none`: no symbolic link below `root` at all (packs, the same rule as `pack install`);
   * `inside`: a link is followed when its target is inside `root` too.
   */
  links: 'none' | 'inside';
  /** The largest file that may be read. */
  maxBytes: number;
  /** How messages name the root: "the pack", "the capacity file's folder". */
  label: string;
}

/** A file refused by a confinement; `reason` completes a sentence that starts with the file's name. */
export class ConfinementError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly hint: string,
  ) {
    super(`${file} ${reason}`);
    this.name = 'ConfinementError';
  }
}

/** A file system whose reads go only to regular files inside the confinement; anything else rejects with a ConfinementError. */
export function confinedFileSystem(fs: FileSystem, rule: Confinement): FileSystem {
  const realRoot = memo(() => realFolder(fs, rule.root));
  return {
    async readText(file) {
      await checkRead(fs, rule, await realRoot(), file);
      // The lexical path, checked to lead where the real one does: the editor's open document for it still wins.
      return fs.readText(file);
    },
    resolve: fs.resolve,
    inspect: fs.inspect,
    // Names only; each file listed is read through readText above, so the same rule applies.
    ...(fs.list ? { list: fs.list } : {}),
  };
}

/** Refuses `file` unless a read may go there; returns what is there. */
export async function checkConfinedRead(fs: FileSystem, rule: Confinement, file: string): Promise<FileFacts> {
  return checkRead(fs, rule, await realFolder(fs, rule.root), file);
}

/**
 * Where a write of `file` may go, or a refusal: inside the root, through no link
 * (whatever `rule.links` says: a write never follows one), into an existing folder,
 * replacing nothing but a regular file. Returns the real path to write.
 */
export async function checkConfinedWrite(fs: FileSystem, rule: Confinement, file: string): Promise<string> {
  const realRoot = await realFolder(fs, rule.root);
  const relative = lexicalInside(rule, file);
  const facts = await fs.inspect(file).catch(() => undefined);
  if (facts) {
    checkReal(rule, realRoot, file, relative, facts, 'none');
    if (facts.kind !== 'file') throw new ConfinementError(file, 'is not a regular file', 'only regular files are written; remove what is there');
    return facts.realPath;
  }
  const parts = relative.split(separatorOf(rule.root));
  const name = parts.pop() as string;
  const sep = separatorOf(realRoot);
  const folderRelative = parts.join(separatorOf(rule.root));
  if (folderRelative === '') return `${withSeparator(realRoot, sep)}${name}`;
  const folder = `${withSeparator(rule.root, separatorOf(rule.root))}${folderRelative}`;
  const folderFacts = await fs.inspect(folder).catch(() => {
    throw new ConfinementError(file, 'is in a folder that does not exist', `create the folder inside ${rule.label} first`);
  });
  checkReal(rule, realRoot, file, folderRelative, folderFacts, 'none');
  if (folderFacts.kind !== 'directory') throw new ConfinementError(file, 'is in something that is not a folder', `fix the path inside ${rule.label}`);
  return `${withSeparator(folderFacts.realPath, sep)}${name}`;
}

async function checkRead(fs: FileSystem, rule: Confinement, realRoot: string, file: string): Promise<FileFacts> {
  const relative = lexicalInside(rule, file);
  const facts = await fs.inspect(file);
  checkReal(rule, realRoot, file, relative, facts, rule.links);
  if (facts.kind !== 'file') throw new ConfinementError(file, facts.kind === 'directory' ? 'is a folder, not a file' : 'is not a regular file (a device, pipe or socket)', 'name a regular file');
  if (facts.size > rule.maxBytes) {
    throw new ConfinementError(file, `is larger than ${formatBytes(rule.maxBytes)} (${formatBytes(facts.size)})`, 'this is far more than such a file ever holds; check that the right file is named');
  }
  return facts;
}

function lexicalInside(rule: Confinement, file: string): string {
  const relative = relativeInside(rule.root, file);
  if (relative === undefined) throw new ConfinementError(file, `is outside ${rule.label}`, `keep the file inside ${rule.label} and name it relatively, like ./name`);
  return relative;
}

function checkReal(rule: Confinement, realRoot: string, file: string, relative: string, facts: FileFacts, links: Confinement['links']): void {
  const realRelative = relativeInside(realRoot, facts.realPath);
  // Case-insensitively: on macOS and Windows the real path may spell a name in another case; a link elsewhere differs anyway.
  if (links === 'none' && (realRelative === undefined || normalize(realRelative) !== normalize(relative))) {
    const where = realRelative === undefined ? ` leading outside ${rule.label}` : '';
    throw new ConfinementError(file, `is a symbolic link or inside one${where}`, 'a pack follows no links, as an installed pack has none: replace the link with the file itself');
  }
  if (realRelative === undefined) {
    throw new ConfinementError(file, `leads outside ${rule.label} through a symbolic link`, `replace the link with the file itself, inside ${rule.label}`);
  }
}

async function realFolder(fs: FileSystem, root: string): Promise<string> {
  const facts = await fs.inspect(root);
  if (facts.kind !== 'directory') throw new ConfinementError(root, 'is not a folder', 'name the folder that holds the files');
  return facts.realPath;
}

/** `file` relative to `root` with the root's separator, when strictly inside it; undefined otherwise. */
function relativeInside(root: string, file: string): string | undefined {
  const prefix = withSeparator(root, separatorOf(root));
  return file.length > prefix.length && file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
}

/** Windows paths (from Node) use only backslashes; everything else uses slashes (a backslash there is part of a name). */
function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

function withSeparator(folder: string, sep: string): string {
  return folder.endsWith(sep) ? folder : `${folder}${sep}`;
}

function normalize(relative: string): string {
  return relative.replace(/\\/g, '/').toLowerCase();
}

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}
