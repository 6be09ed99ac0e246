/**
 * The Teams card preview as a script of its own (dist/webview/teamsPreview.js): Adaptive Cards
 * and markdown-it are two thirds of the page's code, and most pages never show a card. The
 * page loads it the first time the Teams preview is chosen (see preview.ts), so a reloaded
 * composer paints sooner.
 */
import { teamsPreview } from './teamsPreview';

(window as unknown as { pushbackTeamsPreview: typeof teamsPreview }).pushbackTeamsPreview = teamsPreview;
