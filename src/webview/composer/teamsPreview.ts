import * as AdaptiveCards from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import type { AdaptiveCard } from '../../core/outputs/adaptiveCard';
import { element } from './dom';

// Cards carry a Markdown subset (bold, italic, lists); raw HTML stays off, as everywhere.
const markdown = new MarkdownIt({ html: false, linkify: false });
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text);
  result.didProcess = true;
};

// adaptivecards declares itself free of side effects, so a bundler drops the module that
// registers `Table` (it is only imported for that side effect): register it here, or the
// card's "What slips" table silently disappears from the preview.
AdaptiveCards.GlobalRegistry.defaultElements.register('Table', AdaptiveCards.Table, AdaptiveCards.Versions.v1_5);

const hostConfig = new AdaptiveCards.HostConfig({
  fontFamily: 'var(--vscode-font-family)',
  supportsInteractivity: false,
  containerStyles: {
    default: { backgroundColor: '#00000000', foregroundColors: { default: { default: 'var(--vscode-foreground)', subtle: 'var(--vscode-descriptionForeground)' } } },
    emphasis: { backgroundColor: '#00000000', foregroundColors: { default: { default: 'var(--vscode-foreground)', subtle: 'var(--vscode-descriptionForeground)' } } },
  },
});

/**
 * The card as Teams will show it, drawn by the Adaptive Cards renderer (the
 * library Teams' own web client builds on), so the leader sees what the channel
 * sees before posting. Every element the card holds is drawn; the renderer's
 * output is then made to read well for assistive technology.
 */
export function teamsPreview(card: AdaptiveCard): HTMLElement {
  const adaptiveCard = new AdaptiveCards.AdaptiveCard();
  adaptiveCard.hostConfig = hostConfig;
  const context = new AdaptiveCards.SerializationContext();
  adaptiveCard.parse(card, context);
  const errors = adaptiveCard.validateProperties().validationEvents;
  const rendered = adaptiveCard.render();
  const wrapper = element('div', { class: 'teams-card', role: 'region', 'aria-label': 'Teams card preview' });
  if (rendered) wrapper.append(accessible(rendered));
  const dropped = context.eventCount + errors.length;
  if (dropped > 0) wrapper.append(element('p', { class: 'warning' }, `The card has ${dropped} problem(s) Teams may not show well.`));
  return wrapper;
}

function accessible(root: HTMLElement): HTMLElement {
  // The card is not interactive here: no tab stop without a role or a name.
  for (const node of [root, ...root.querySelectorAll<HTMLElement>('[tabindex]')]) node.removeAttribute('tabindex');
  // `style: heading` text blocks get role=heading but no level: they sit under the preview's h2.
  for (const heading of root.querySelectorAll<HTMLElement>('[role="heading"]')) {
    if (!heading.hasAttribute('aria-level')) heading.setAttribute('aria-level', '3');
  }
  // A FactSet is drawn with an empty spacer column between the name and the value; the CSS spaces it instead.
  for (const row of root.querySelectorAll<HTMLTableRowElement>('.ac-factset tr')) {
    const spacer = row.cells[1];
    if (row.cells.length === 3 && spacer && spacer.childNodes.length === 0) spacer.remove();
  }
  return root;
}
