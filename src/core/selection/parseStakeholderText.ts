import type { IsoDate } from '../model/civilDate';
import { findEffort } from './findEffort';
import { findNeededBy } from './findNeededBy';
import { type MessageParts, findRequester, looksLikeName, signOffIndex, signatureBlock } from './findRequester';

const MAX_TEXT = 20_000;

export type PrefillField = 'title' | 'requesterName' | 'requesterTitle' | 'neededBy' | 'effortDays';

/** What a stakeholder's email or chat message says about their request; absent = not recognised. */
export interface StakeholderPrefill {
  title?: string;
  requesterName?: string;
  requesterTitle?: string;
  neededBy?: IsoDate;
  effortDays?: number;
  /** The words each value was read from, so the user can check it: `{ neededBy: 'by Friday' }`. */
  evidence: Partial<Record<PrefillField, string>>;
  /** How an ambiguous phrase was read, and what was seen but not used (effort in sprints). */
  notes: string[];
}

export interface ParseOptions {
  /** The reference for "Friday", "next month", "end of Q1": the day the message is read. */
  today: IsoDate;
  /** Read `3/12` as 3 December (day first) rather than 12 March. */
  dayFirst?: boolean;
}

/**
 * Prefill a request from a stakeholder's email or chat message: who asks (and their
 * title), what they ask for, by when, and the effort when they state it. Each finder is
 * conservative: a field it is not sure of stays empty for the user, rather than filled
 * with a guess that would flow into every figure of the reply.
 */
export function parseStakeholderText(text: string, options: ParseOptions): StakeholderPrefill {
  // A request sits in the first screenful; a whole pasted mailbox would only make chrono slow.
  const message = splitMessage(tameText(text.slice(0, MAX_TEXT)));
  const prefill: StakeholderPrefill = { evidence: {}, notes: [] };

  const requester = findRequester(message);
  if (requester.name) {
    prefill.requesterName = requester.name;
    prefill.evidence.requesterName = requester.evidence;
  }
  if (requester.title) {
    prefill.requesterTitle = requester.title;
    prefill.evidence.requesterTitle = 'the signature';
  }

  const signOff = signOffIndex(message.lines) >= 0 ? signOffIndex(message.lines) : (signatureBlock(message.lines)?.index ?? -1);
  const bodyLines = signOff < 0 ? message.lines : message.lines.slice(0, signOff);
  const body = withoutGreeting(bodyLines.join('\n'));
  const searchable = [message.subject ?? '', body].join('\n\n');

  const title = findTitle(message.subject, body);
  if (title) {
    prefill.title = title.title;
    prefill.evidence.title = title.evidence;
  }

  const neededBy = findNeededBy(searchable, options);
  if (neededBy) {
    prefill.neededBy = neededBy.date;
    prefill.evidence.neededBy = neededBy.evidence;
    if (neededBy.note) prefill.notes.push(neededBy.note);
  }

  const effort = findEffort(body);
  if (effort.effort) {
    prefill.effortDays = effort.effort.days;
    prefill.evidence.effortDays = effort.effort.evidence;
    if (effort.effort.note) prefill.notes.push(`Effort: ${effort.effort.note}`);
  } else if (effort.unconverted) {
    prefill.notes.push(`The effort is given as “${effort.unconverted}”: enter it in person-days.`);
  }
  return prefill;
}

/**
 * The text with what no finder needs made small: runs of spaces and tabs become one
 * space, blank runs of lines one blank line, and a "word" longer than 64 characters
 * (a pasted hash, a long URL) its first 64. Every finder's patterns then stay linear:
 * on 20,000 tabs or 20,000 letters in a row some took seconds.
 */
export function tameText(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\S{65,}/g, (word) => word.slice(0, 64));
}

interface Message extends MessageParts {
  subject?: string;
}

const HEADER = /^(from|sent|date|to|cc|bcc|subject|importance|reply-to|attachments):\s*(.*)$/i;
/** Where an earlier message of the thread starts: only the newest message is the request. */
const THREAD_BREAK = /^(?:-{2,}\s*original message\s*-{2,}|_{10,}|on .{5,200} wrote:|(?:from|von|de):\s.+)$/i;
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[AaPp]\\.?[Mm]\\.?)?';
const DAY = '(?:Yesterday|Today|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\w*|[\\d/.-]{3,10}|\\d{1,2}\\s+\\p{L}{3,9}(?:\\s+\\d{4})?|\\p{L}{3,9}\\s+\\d{1,2}(?:,?\\s+\\d{4})?)';
/** `[10:42] Dana Whitfield`, `[06/01/2027 10:42] Dana Whitfield` (new Teams copy). */
const CHAT_AUTHOR_BRACKETED = new RegExp(`^\\[(?:[\\d/.-]+,?\\s+)?${TIME}\\]\\s*(.+)$`, 'u');
/** `Dana Whitfield 10:42 AM`, `Dana Whitfield, Yesterday 4:15 PM` (classic Teams, Slack). */
const CHAT_AUTHOR_TRAILING = new RegExp(`^(.+?)[\\s,]+(?:(?:Yesterday|Today|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\w*,?\\s+|[\\d/.-]{3,10},?\\s+)?${TIME}$`, 'u');
/** A line that is only a time stamp: new Teams puts it below the author's name. */
const TIME_STAMP_LINE = new RegExp(`^(?:${DAY},?\\s+)?${TIME}$`, 'u');
/** `[06/01/2027, 10:42:13] Dana Whitfield: Could…` and `06/01/2027, 10:42 - Dana Whitfield: Could…` (WhatsApp). */
const CHAT_LINE_WITH_TIME = new RegExp(`^(?:\\[[\\d/.-]+,?\\s+${TIME}\\]|[\\d/.-]{6,10},?\\s+${TIME}\\s+[-–])\\s*([^:]{2,60}):\\s*(.*)$`, 'u');
/** `Dana Whitfield: Hi Sam, could…`: a name before a colon is a chat author only when a greeting follows. */
const CHAT_LINE_GREETING = /^([^:]{2,60}):\s+((?:hi|hello|hey|morning|good (?:morning|afternoon)|@)\b.*|@.*)$/iu;

/** Split a pasted email or chat message into headers, the chat author and the newest message's lines. */
function splitMessage(text: string): Message {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const message: Message = { lines: [] };
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  for (; i < lines.length; i++) {
    const header = HEADER.exec(lines[i].trim());
    if (!header) {
      if (lines[i].trim() === '' && i + 1 < lines.length && HEADER.test(lines[i + 1].trim())) continue;
      break;
    }
    const name = header[1].toLowerCase();
    if (name === 'from') message.from = header[2].trim();
    if (name === 'subject') message.subject = header[2].trim();
  }
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (message.lines.some((l) => l.trim() !== '') && THREAD_BREAK.test(line)) break;
    if (line.startsWith('>')) continue;
    const author = chatAuthorOf(line);
    if (author) {
      message.chatAuthor ??= author;
      continue;
    }
    const next = lines.slice(i + 1).find((l) => l.trim() !== '')?.trim() ?? '';
    const named = authorName(line);
    if (named && TIME_STAMP_LINE.test(next) && !message.lines.some((l) => l.trim() !== '')) {
      // New Teams: the author's name, then the time on a line of its own, then the message.
      message.chatAuthor ??= named;
      i = lines.findIndex((l, k) => k > i && l.trim() !== '');
      continue;
    }
    const prefixed = message.lines.length === 0 ? (CHAT_LINE_WITH_TIME.exec(line) ?? CHAT_LINE_GREETING.exec(line)) : null;
    const prefixAuthor = prefixed ? authorName(prefixed[1]) : undefined;
    if (prefixed && prefixAuthor) {
      message.chatAuthor ??= prefixAuthor;
      message.lines.push(prefixed[2]);
      continue;
    }
    message.lines.push(lines[i]);
  }
  return message;
}

function chatAuthorOf(line: string): string | undefined {
  const author = (CHAT_AUTHOR_BRACKETED.exec(line)?.[1] ?? CHAT_AUTHOR_TRAILING.exec(line)?.[1])?.trim();
  return author ? authorName(author) : undefined;
}

/** "Whitfield, Dana" → "Dana Whitfield"; Teams' "(External)" or "(Guest)" dropped; undefined unless it reads as a name. */
function authorName(text: string): string | undefined {
  // Found without the spaces before it, then trimmed: `\s*\(…\)$` would rescan every run of spaces.
  const trimmed = text.trim();
  const tag = /\((?:external|guest|extern|externe?)\)$/i.exec(trimmed);
  const author = tag ? trimmed.slice(0, tag.index).trimEnd() : trimmed;
  const reversed = /^([^,]+),\s*([^,]+)$/.exec(author);
  const name = reversed ? `${reversed[2].trim()} ${reversed[1].trim()}` : author;
  return looksLikeName(name) ? name : undefined;
}

/** "Hi Sam," on its own line, or at the start of the first line ("Hi Sam, could you…"). */
function withoutGreeting(body: string): string {
  return body.replace(/^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|morning|hiya)\b[^\n,!:—–]{0,40}(?:[,!:—–][ \t]*\n?|[ \t]*\n)/i, '');
}

/** A subject that says nothing about the request itself. */
const GENERIC_SUBJECT = /^(?:quick\s+)?(?:question|request|ask|favou?r|hello|hi|urgent|help|follow[- ]?up|catch[- ]?up|update|fyi|checking in|idea|thoughts)\b[\s\w?!.]{0,15}$/i;

/**
 * Phrases that introduce the ask, each capturing what follows: "could your team…",
 * "we need…", "please deliver…", "is it possible to…", "we are looking for…".
 */
const ASK_CUES = [
  /\b(?:can|could|would|will)\s+(?:you|your\s+(?:team|group|folks|people)|the\s+(?:\w+\s+)?team|IT|you\s+guys|we)\s+(?:please\s+)?(?:also\s+)?(?:possibly\s+)?(?:be\s+able\s+to\s+)?(.+)/gi,
  /\b(?:you|your\s+team|the\s+team|IT)\s+(?:could|can|would\s+be\s+able\s+to)\s+(?:also\s+)?(.+)/gi,
  /\b(?:is\s+it|would\s+it\s+be)\s+possible\s+(?:for\s+(?:you|your\s+team|the\s+team|IT)\s+)?to\s+(.+)/gi,
  /\b(?:we|I)(?:(?:\s+(?:really|urgently|also|now|will|would|still))?\s+(?:need|needs|would\s+like|want|require)|['’]d\s+(?:really\s+)?like)\s+(?:(?:you|your\s+team|the\s+team|IT)\s+to\s+)?(.+)/gi,
  /\bplease\s+(?:could\s+you\s+|can\s+you\s+)?(.+)/gi,
  /\b(?:we(?:'re|’re|\s+are)|I(?:'m|’m|\s+am))\s+(?:asking|looking)\s+for\s+(.+)/gi,
];
/** What follows a cue that is not the ask itself: "can you let me know…", "please confirm…". */
const NOT_THE_ASK = /^(?:let\s+(?:me|us)\s+know|advise|confirm|share|send|call|ring|reply|respond|get\s+back|have\s+a\s+look|take\s+a\s+look|look\s+at|review|chat|talk|discuss|meet|join|hop\s+on|jump\s+on|give\s+(?:me|us)\s+a\s+call|tell\s+(?:me|us)|update\s+(?:me|us)|explain|check|see|find\s+time|think)\b/i;

/**
 * Where the thing asked for ends and the date, reason or condition begins. A run of
 * spaces is tried from its start only (`(?<!\s)`): from every space in it, a long
 * run would be rescanned once per space.
 */
const PHRASE_END =
  /(?<!\s)\s+(?:by|before|no\s+later\s+than|until|till|in\s+time\s+for|ahead\s+of|so\s+that|so|because|since|as\s+soon\s+as|asap|if|when|which|ideally|hopefully|this\s+(?:week|month|quarter|year)|next\s+(?:week|month|quarter|year|\w+day)|(?:in|within)\s+(?:the\s+next\s+|a\s+|an\s+|\d|one|two|three|four|five|six)|for\s+(?:Q[1-4]|next|this|the\s+next)|in\s+Q[1-4]|(?:the\s+)?end\s+of|at\s+the\s+latest)\b|(?<!\s)\s+[—–-]\s|[,;:?!()]|\.(?:\s|$)/i;
const LEADING_VERB =
  /^(?:to\s+)?(?:also\s+|please\s+)*(?:(?:deliver|build|set\s+up|setup|stand\s+up|spin\s+up|get|put\s+together|have|give|provide|create|implement|roll\s+out|ship|add|make|develop|take\s+on|pick\s+up|work\s+on|do|prioriti[sz]e|fit\s+in|squeeze\s+in|look\s+into|start\s+on|help\s+(?:us\s+|me\s+)?(?:with\s+)?|support|produce|launch)\s+)?(?:(?:us|me)\s+)?(?:with\s+)?/i;
const DETERMINER = /^(?:a|an|the|some|our|my|this|that|these|those)\s+/i;
const TRAILING_FILLER = /(?<!\s)\s+(?:for\s+(?:us|me|the\s+team)|please|too|as\s+well|also|ready|done|delivered|live|in\s+place|up\s+and\s+running|sorted|finished|completed|for\s+sales)$/i;
const MAX_TITLE_WORDS = 10;

function findTitle(subject: string | undefined, body: string): { title: string; evidence: string } | undefined {
  const cleanSubject = subject?.replace(/^(?:(?:re|fw|fwd|aw|wg|sv)\s*:\s*|\[[^\]]*\]\s*)+/i, '').trim();
  if (cleanSubject && !GENERIC_SUBJECT.test(cleanSubject)) {
    const title = askIn(cleanSubject) ?? shortPhrase(cleanSubject);
    if (title) return { title, evidence: `the subject “${cleanSubject}”` };
  }
  for (const sentence of sentencesOf(body)) {
    const title = askIn(sentence);
    if (title) return { title, evidence: `“${sentence.length > 90 ? `${sentence.slice(0, 89)}…` : sentence}”` };
  }
  return undefined;
}

function sentencesOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    // A line break and the blanks around it become one space; a match starts where its blanks do.
    .flatMap((paragraph) => paragraph.replace(/(?<![^\S\n])[^\S\n]*\n\s*/g, ' ').split(/(?<=[.!?])\s+/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** The thing asked for in a sentence, as a short title; the earliest cue that is a real ask wins. */
function askIn(sentence: string): string | undefined {
  const matches = ASK_CUES.flatMap((cue) => [...sentence.matchAll(cue)]).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  for (const match of matches) {
    const asked = match[1].trim();
    if (NOT_THE_ASK.test(asked)) continue;
    const title = shortPhrase(asked);
    if (title) return title;
  }
  return undefined;
}

/** "build a customer portal for order tracking by 12 March so…" → "Customer portal for order tracking". */
function shortPhrase(text: string): string | undefined {
  const end = PHRASE_END.exec(` ${text}`);
  let phrase = (end ? ` ${text}`.slice(0, end.index) : ` ${text}`).trim();
  phrase = phrase.replace(LEADING_VERB, '').replace(DETERMINER, '');
  let previous;
  do {
    previous = phrase;
    phrase = phrase.replace(TRAILING_FILLER, '').trim();
  } while (phrase !== previous);
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || phrase.length < 2) return undefined;
  const short = words.slice(0, MAX_TITLE_WORDS).join(' ');
  return short[0].toUpperCase() + short.slice(1);
}
