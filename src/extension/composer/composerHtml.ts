import * as vscode from 'vscode';

/** A fresh nonce per render: only the script tags written here may run. */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

/**
 * The composer's page. Strict CSP: nothing by default, scripts only with this
 * render's nonce, styles and fonts only from the extension. The reply preview is
 * markdown-it output with raw HTML disabled, so it carries no script either way.
 */
export function composerHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = createNonce();
  const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="pushback-teams-preview" content="${asset('dist', 'webview', 'teamsPreview.js')}">
<link rel="stylesheet" href="${asset('media', 'composer.css')}">
<title>Pushback composer</title>
</head>
<body>
<main id="app" aria-live="off"><p class="loading">Loading the composer…</p></main>
<script nonce="${nonce}">window.litNonce = ${JSON.stringify(nonce)};</script>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'composer.js')}"></script>
</body>
</html>`;
}
