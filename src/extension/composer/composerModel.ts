/** The composer's view of a draft lives in src/shared: the page renders it too (see src/webview/composer/localRender.ts). */
export * from '../../shared/composerModel';
