import * as AdaptiveCards from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import { element } from './dom';

// Cards carry a Markdown subset (bold, italic, lists); raw HTML stays off, as everywhere.
const markdown = new MarkdownIt({ html: false, linkify: false });
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text);
  result.didProcess = true;
};

const hostConfig = new AdaptiveCards.HostConfig({
  fontFamily: 'var(--vscode-font-family)',
  containerStyles: {
    default: { backgroundColor: '#00000000', foregroundColors: { default: { default: 'var(--vscode-foreground)', subtle: 'var(--vscode-descriptionForeground)' } } },
  },
});

/**
 * The card as Teams will show it, drawn by the Adaptive Cards renderer (the
 * library Teams' own web client builds on), so the leader sees what the channel
 * sees before posting.
 */
export function teamsPreview(card: unknown): HTMLElement {
  const adaptiveCard = new AdaptiveCards.AdaptiveCard();
  adaptiveCard.hostConfig = hostConfig;
  adaptiveCard.parse(card, new AdaptiveCards.SerializationContext());
  const errors = adaptiveCard.validateProperties().validationEvents;
  const rendered = adaptiveCard.render();
  const wrapper = element('div', { class: 'teams-card', role: 'region', 'aria-label': 'Teams card preview' });
  if (rendered) wrapper.append(rendered);
  if (errors.length > 0) wrapper.append(element('p', { class: 'warning' }, `The card has ${errors.length} problem(s) Teams may not show well.`));
  return wrapper;
}
