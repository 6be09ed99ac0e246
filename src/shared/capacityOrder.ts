/** A capacity file found in the workspace, and whether it loads. */
export interface FoundCapacityFile {
  file: string;
  label: string;
  /** The first problem, in words, when the file does not load. */
  problem?: string;
}

export interface CapacityOrderInputs {
  /** `pushback.capacityFile`, resolved to an absolute path (undefined when unset). */
  setting?: string;
  /** The file last used in this workspace (undefined when none yet). */
  lastUsed?: string;
  found: readonly FoundCapacityFile[];
  /** Folders holding a template pack (a pushback-pack.json): their examples are not team data. */
  packFolders: readonly string[];
  sample: { file: string; label: string };
}

/**
 * The capacity files to offer, best first: the setting, the file last used here,
 * files that load, files with problems (marked), then the built-in sample. Files
 * inside pack folders are never offered. The first entry is the default.
 */
export function orderCapacityFiles(inputs: CapacityOrderInputs): FoundCapacityFile[] {
  const { setting, lastUsed, packFolders, sample } = inputs;
  const inPack = (file: string) => packFolders.some((folder) => file.startsWith(folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}${separatorOf(folder)}`));
  const found = inputs.found.filter((entry) => !inPack(entry.file));
  const byFile = new Map(found.map((entry) => [entry.file, entry]));
  const rank = (entry: FoundCapacityFile) => (entry.file === setting ? 0 : entry.file === lastUsed ? 1 : entry.problem ? 3 : 2);
  const ordered = [...found].sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
  // The setting may name a file the search did not find (outside the folder, or beyond its limit).
  if (setting && !byFile.has(setting) && setting !== sample.file && !inPack(setting)) ordered.unshift({ file: setting, label: setting });
  return [...ordered, { file: sample.file, label: sample.label }];
}

function separatorOf(folder: string): string {
  return folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
}
