export interface Requester {
  name?: string;
  title?: string;
  /** Where the name came from: `From: header`, `sign-off`, `Teams message header`, `— Dana`. */
  evidence?: string;
}

export interface MessageParts {
  /** `From:` header value, when the text is a copied email. */
  from?: string;
  /** The author line of a copied Teams/Slack message (`[10:42] Dana Whitfield`). */
  chatAuthor?: string;
  /** The message's lines from its greeting to its end, signature included. */
  lines: string[];
}

const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const PARTICLE = '(?:van|von|der|den|de|da|di|du|del|della|la|le|bin|ibn|al|el)';
const NAME = new RegExp(`^${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,3}$`, 'u');
const NOT_A_NAME = /^(?:thanks|thank|regards|best|cheers|hi|hello|hey|dear|team|all|everyone|sent|get|outlook|the|this|please|urgent|yes|no|ok|okay|sorry|also|and|but|so|from|to|subject|re|fw|fwd|mobile|phone|tel|email)\b/i;

/**
 * Job words that mark a signature's title line ("VP Sales", "Head of Operations"). A line
 * without one is a company name, an address or a slogan, and is not taken as a title.
 */
const JOB_WORD =
  /\b(?:VP|SVP|EVP|AVP|Vice President|President|Head|Director|Manager|Chief|C[A-Z]{1,2}O|Lead|Officer|Owner|Partner|Engineer|Analyst|Coordinator|Specialist|Administrator|Architect|Consultant|Supervisor|Executive|Controller|Principal|Founder|Co-?founder|Associate|Assistant|Secretary|Treasurer|Chair(?:man|woman|person)?|Advisor|Adviser|Designer|Developer|Scientist|Strategist|Planner|Representative|Counsel|Accountant|Auditor|Leader|Superintendent|Dean)\b/;

const SIGN_OFF =
  /^(?:many thanks|thanks(?: so much| a lot| again| in advance)?|thank you(?: so much| in advance)?|thx|ty|best(?: regards| wishes)?|kind(?:est)? regards|warm(?:est)? regards|regards|rgds|cheers|sincerely|yours sincerely|yours|all the best|br|talk soon|speak soon|ta)\b\s*[,!.—–-]*\s*(.*)$/i;

export function looksLikeName(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 50 && NAME.test(trimmed) && !NOT_A_NAME.test(trimmed) && !JOB_WORD.test(trimmed);
}

export function looksLikeJobTitle(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 1 && trimmed.length <= 60 && JOB_WORD.test(trimmed) && !/[@\d]|https?:|www\./i.test(trimmed);
}

/** Index of the sign-off line ("Thanks,", "Best, Dana"), searched in the message's last lines. */
export function signOffIndex(lines: readonly string[]): number {
  const last = lastNonEmpty(lines);
  for (let i = last; i >= 0 && i >= last - 10; i--) {
    const match = SIGN_OFF.exec(lines[i].trim());
    if (!match) continue;
    const rest = match[1].trim();
    // "Thanks for the update on the portal" is a sentence, not a sign-off; and what follows
    // a sign-off is a short signature, not the message ("Thanks!\nCould your team…").
    const signature = lines.slice(i + 1).filter((line) => line.trim() !== '');
    const short = signature.length <= 8 && signature.every((line) => line.trim().split(/\s+/).length <= 10 && !/\?\s*$/.test(line));
    if ((rest === '' || looksLikeName(splitNameAndTitle(rest).name)) && short) return i;
  }
  return -1;
}

/**
 * Who is asking, from (in order of trust) the email's `From:` display name, the chat
 * message's author line, the sign-off ("Thanks,\nDana" / "Best, Dana Whitfield"), the
 * sender's address, or a closing "— Dana". A fuller name from another source that starts
 * with the same first name wins ("Dana" signed, "Dana Whitfield" in the Teams header).
 * A title is taken from the line after the signed name, when it reads like a job title.
 */
export function findRequester(message: MessageParts): Requester {
  const signature = signatureOf(message.lines);
  const fromHeader = message.from ? nameFromHeader(message.from) : undefined;
  const candidates: { name: string; evidence: string }[] = [];
  if (fromHeader?.display) candidates.push({ name: fromHeader.display, evidence: 'the From: line' });
  if (message.chatAuthor && looksLikeName(message.chatAuthor)) candidates.push({ name: message.chatAuthor, evidence: 'the message header' });
  if (signature.name) candidates.push({ name: signature.name, evidence: signature.unsigned ? 'the signature' : 'the sign-off' });
  if (fromHeader?.fromAddress) candidates.push({ name: fromHeader.fromAddress, evidence: 'the sender\'s address' });
  const closing = inlineSignOff(message.lines);
  if (closing) candidates.push({ name: closing, evidence: 'the closing words' });
  if (candidates.length === 0) return {};

  let chosen = candidates[0];
  const first = firstName(chosen.name);
  const fuller = candidates.find((c) => firstName(c.name) === first && c.name.split(/\s+/).length > chosen.name.split(/\s+/).length);
  if (fuller) chosen = { name: fuller.name, evidence: chosen.evidence };
  const title = signature.title && signature.name && firstName(signature.name) === first ? signature.title : undefined;
  return { name: chosen.name, evidence: chosen.evidence, ...(title ? { title } : {}) };
}

function signatureOf(lines: readonly string[]): { name?: string; title?: string; unsigned?: boolean } {
  const index = signOffIndex(lines);
  if (index < 0) return unsignedSignature(lines);
  const after = lines.slice(index + 1).map((line) => line.trim()).filter((line) => line !== '' && !/^(?:sent from|get outlook)/i.test(line));
  const sameLine = SIGN_OFF.exec(lines[index].trim())?.[1].trim() ?? '';
  const nameLine = sameLine !== '' ? sameLine : after.shift();
  if (!nameLine) return {};
  const { name, title } = splitNameAndTitle(nameLine);
  if (!looksLikeName(name)) return {};
  const titleLine = title ?? after[0];
  const cleanTitle = titleLine ? firstTitlePart(titleLine) : undefined;
  return { name, ...(cleanTitle && looksLikeJobTitle(cleanTitle) ? { title: cleanTitle } : {}) };
}

/** Words of an organisation, not a person: "Northwind Logistics | Operations Lead" is no signature. */
const ORGANISATION_WORD =
  /\b(?:Inc|Ltd|LLC|LLP|PLC|GmbH|AG|SA|BV|Corp(?:oration)?|Company|Co|Group|Holdings|Logistics|Solutions|Services|Systems|Technologies|Bank|Team|Department|Dept|Office|University|Council|Foundation|Partners|Consulting|Labs?|Studio|Agency|Ministry)\b\.?/;

/**
 * A signature block with no sign-off word before it, as the message's last paragraph:
 * "Dana Whitfield | VP Sales", or "Maria Lopez" with "CFO" on the line below. Only a
 * two- to four-word name followed by a job title counts: a lone capitalised line at the
 * end may be a company, a project or a slogan, and a wrong requester is worse than none.
 */
function unsignedSignature(lines: readonly string[]): { name?: string; title?: string; unsigned?: boolean } {
  const block = signatureBlock(lines);
  return block ? { name: block.name, title: block.title, unsigned: true } : {};
}

/** The last paragraph when it is a signature block (see {@link unsignedSignature}), and where it starts. */
export function signatureBlock(lines: readonly string[]): { index: number; name: string; title: string } | undefined {
  const last = lastNonEmpty(lines);
  let start = last;
  while (start > 0 && lines[start - 1].trim() !== '') start--;
  // The body must come before it: a message that is only a name and a title asks for nothing.
  if (start === 0 || last - start > 4) return undefined;
  const block = lines.slice(start, last + 1).map((line) => line.trim());
  const isPersonName = (text: string) => looksLikeName(text) && text.split(/\s+/).length >= 2 && !ORGANISATION_WORD.test(text);
  const inline = splitAtSeparator(block[0]);
  if (inline && isPersonName(inline[0])) {
    const title = firstTitlePart(inline[1]);
    return looksLikeJobTitle(title) ? { index: start, name: inline[0], title } : undefined;
  }
  if (block.length >= 2 && isPersonName(block[0].replace(/[.!]$/, ''))) {
    const title = firstTitlePart(block[1]);
    return looksLikeJobTitle(title) ? { index: start, name: block[0].replace(/[.!]$/, ''), title } : undefined;
  }
  return undefined;
}

/** "VP Sales | Northwind Logistics" → "VP Sales": the title is what comes before the company. */
function firstTitlePart(line: string): string {
  return line.split(/(?<!\s)\s+[|·•]\s+|(?<!\s)\s+[—–]\s+/)[0].trim();
}

/** "Dana Whitfield, VP Sales" or "Dana Whitfield | VP Sales" → name and title. */
function splitNameAndTitle(line: string): { name: string; title?: string } {
  const match = splitAtSeparator(line.trim());
  if (match && looksLikeName(match[0]) && looksLikeJobTitle(match[1])) return { name: match[0], title: match[1] };
  return { name: line.trim().replace(/[.!]$/, '') };
}

/**
 * A trimmed line split at its first comma or spaced `|`, `·`, `•`, `—` or `–`, each
 * side trimmed; undefined when either side is empty. Found by one search for the
 * separator: `^(.+?)\s*(?:…)\s*(.+)$` tried every split of a line of blanks.
 */
function splitAtSeparator(line: string): [string, string] | undefined {
  const separator = /,|\s[|·•—–]\s/g;
  separator.lastIndex = 1; // the name has at least one character
  const found = separator.exec(line);
  if (!found) return undefined;
  const before = line.slice(0, found.index).trimEnd();
  const after = line.slice(found.index + found[0].length).trimStart();
  return before && after ? [before, after] : undefined;
}

/** `Dana Whitfield <dana@x.com>`, `"Whitfield, Dana" <…>`, or just `dana.whitfield@x.com`. */
function nameFromHeader(value: string): { display?: string; fromAddress?: string } {
  // Each pattern is tried from the start of a run only, or stops at the next `<` or `[`, or is bounded
  // (the text's words are at most 64 characters): none rescans a long run once per character.
  const address = /<?(?<![\w.+-])([\w.+-]+)@[\w.-]+>?/.exec(value);
  const display = value.replace(/<[^<>]*>|\[mailto:[^[\]]*\]|\S{1,64}@\S{1,64}/g, '').replace(/["']/g, '').trim();
  const reversed = /^([\p{L}'’ -]+),\s*([\p{L}'’ -]+)$/u.exec(display);
  const name = reversed ? `${reversed[2].trim()} ${reversed[1].trim()}` : display;
  if (looksLikeName(name)) return { display: name };
  const parts = address?.[1].split(/[._]/).filter((p) => /^[a-z]{2,}$/i.test(p)) ?? [];
  if (parts.length >= 2 && parts.length <= 3) return { fromAddress: parts.map((p) => p[0].toUpperCase() + p.slice(1).toLowerCase()).join(' ') };
  return {};
}

const CLOSING_NAME = "(\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,2})";
const DASH_CLOSING = new RegExp(`(?:^|\\s)(?:—|–|--?)\\s*${CLOSING_NAME}\\s*$`, 'u');
const THANKS_CLOSING = new RegExp(`[.!?]\\s+(?:[Tt]hanks|[Tt]hank you|[Cc]heers|[Bb]est|[Tt]hx)\\s*[,!.—–-]?\\s+${CLOSING_NAME}\\s*[.!]?$`, 'u');

/** A closing at the end of a chat line: "…by Friday? — Dana", "…? Thanks, Grace", or a last line "- Dana Whitfield". */
function inlineSignOff(lines: readonly string[]): string | undefined {
  const last = lines[lastNonEmpty(lines)]?.trim() ?? '';
  const found = DASH_CLOSING.exec(last)?.[1] ?? THANKS_CLOSING.exec(last)?.[1];
  return found && looksLikeName(found) ? found : undefined;
}

function lastNonEmpty(lines: readonly string[]): number {
  let i = lines.length - 1;
  while (i >= 0 && lines[i].trim() === '') i--;
  return i;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0].toLowerCase();
}
