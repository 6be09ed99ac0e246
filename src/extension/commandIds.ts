/** Every command the extension contributes; package.json and this map are checked against each other in tests. */
export const COMMANDS = {
  openComposer: 'pushback.openComposer',
  insertReply: 'pushback.insertReply',
  newDraft: 'pushback.newDraft',
  insertTemplate: 'pushback.insertTemplate',
  draftFromSelection: 'pushback.draftFromSelection',
  selectCapacityFile: 'pushback.selectCapacityFile',
  showAnalysis: 'pushback.showAnalysis',
  setTeamsWebhookUrl: 'pushback.setTeamsWebhookUrl',
  clearTeamsWebhookUrl: 'pushback.clearTeamsWebhookUrl',
  postToTeams: 'pushback.postToTeams',
  copyTeamsCard: 'pushback.copyTeamsCard',
  saveReplyAsEml: 'pushback.saveReplyAsEml',
  draftCioNote: 'pushback.draftCioNote',
  recordDecision: 'pushback.recordDecision',
  openDecisionLogFolder: 'pushback.openDecisionLogFolder',
  newTemplatePack: 'pushback.newTemplatePack',
  newTemplateInPack: 'pushback.newTemplateInPack',
  installTemplatePack: 'pushback.installTemplatePack',
  exportTemplatePack: 'pushback.exportTemplatePack',
  uninstallTemplatePack: 'pushback.uninstallTemplatePack',
  validateAllPacks: 'pushback.validateAllPacks',
  reloadTemplatePacks: 'pushback.reloadTemplatePacks',
  previewTemplateOnSample: 'pushback.previewTemplateOnSample',
  openTemplateFile: 'pushback.openTemplateFile',
  revealPackManifest: 'pushback.revealPackManifest',
  checkRewrite: 'pushback.checkRewrite',
  chatInsertReply: 'pushback.chat.insertReply',
  chatCopyForEmail: 'pushback.chat.copyForEmail',
  chatOpenInComposer: 'pushback.chat.openInComposer',
} as const;

export const COMPOSER_VIEW_ID = 'pushback.composer';
export const DECISIONS_VIEW_ID = 'pushback.decisions';
export const PACKS_VIEW_ID = 'pushback.packs';
