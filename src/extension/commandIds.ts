/** Every command the extension contributes; package.json and this map are checked against each other in tests. */
export const COMMANDS = {
  openComposer: 'pushback.openComposer',
  newDraft: 'pushback.newDraft',
  insertTemplate: 'pushback.insertTemplate',
  draftFromSelection: 'pushback.draftFromSelection',
  selectCapacityFile: 'pushback.selectCapacityFile',
  showAnalysis: 'pushback.showAnalysis',
} as const;

export const COMPOSER_VIEW_ID = 'pushback.composer';
