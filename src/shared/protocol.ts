import { z } from 'zod';
import type { AdaptiveCard } from '../core/outputs/adaptiveCard';
import { draftFormSchema, type DraftForm, type FieldErrors } from '../core/draft/draftForm';
import type { TemplateField } from '../core/engine/templateFields';
import type { PageRenderData } from './pageRender';
import type { SavedUpdate } from './savedUpdate';

/**
 * The one protocol between the composer's host code and its webview. Messages
 * from the webview are untrusted input: the host parses them with these schemas
 * and ignores anything else.
 */
export const ACTIONS = ['insert', 'openDocument', 'copyMarkdown', 'copyText', 'copyTeamsCard', 'postToTeams', 'saveEml', 'draftCioNote'] as const;
export type ComposerAction = (typeof ACTIONS)[number];

export const PREVIEW_MODES = ['email', 'teams'] as const;
export type PreviewMode = (typeof PREVIEW_MODES)[number];

export const fromWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** `renderedInPage`: the page shows its own render of this change, so the host may render it a moment later (see ComposerSession). */
  z.object({ type: z.literal('formChanged'), seq: z.number().int(), draft: draftFormSchema, renderedInPage: z.boolean().optional() }),
  z.object({ type: z.literal('action'), action: z.enum(ACTIONS) }),
  z.object({ type: z.literal('newDraft') }),
  z.object({ type: z.literal('previewMode'), mode: z.enum(PREVIEW_MODES) }),
  /** The rich (HTML) copy is written by the page: it asks the host for the HTML of the current draft… */
  z.object({ type: z.literal('requestRichCopy') }),
  /** …and says whether the clipboard took it (the host then records the decision, or copies plain text instead). */
  z.object({ type: z.literal('richCopied'), ok: z.boolean() }),
  z.object({ type: z.literal('openProblem'), file: z.string(), line: z.number().int().min(1), column: z.number().int().min(1) }),
]);
export type FromWebview = z.infer<typeof fromWebviewSchema>;

export interface TemplateOption {
  id: string;
  name: string;
  description: string;
  pack: string;
  /** What the template asks for (its front matter's `fields`): the composer's "This template asks" section. */
  fields: TemplateField[];
}

export interface CapacityOption {
  file: string;
  label: string;
  /** Why the file cannot be used as it is (it has problems), shown beside its name. */
  problem?: string;
}

export interface ProblemView {
  text: string;
  file: string;
  line: number;
  column: number;
}

export type ProposalKind = 'defer' | 'descope' | 'swap' | 'fund';

/** Figures the webview shows, already formatted on the host in the data's currency. */
export interface AnalysisView {
  team: string;
  utilizationBefore: number | null;
  utilizationAfter: number | null;
  figures: { label: string; value: string; emphasis?: boolean }[];
  delays: {
    id: string;
    title: string;
    from: string;
    to: string;
    days: string;
    cost: string;
    /** 0..1 positions on the horizon for the timeline bars. */
    fromAt: number;
    toAt: number;
    missesDeadline: boolean;
  }[];
  /** Slips beyond those listed in `delays`. */
  moreDelays: number;
  fundingAsk: string;
  alternatives: { kind: ProposalKind; label: string; detail: string; available: boolean }[];
  proposal: ProposalKind;
  informCio: string;
  warnings: string[];
}

/** The Adaptive Card of the reply (core/outputs/adaptiveCard.ts), or why the reply cannot be sent as one. */
export type TeamsCardView = { card: AdaptiveCard } | { refused: string };

export interface ComposerUpdate {
  seq: number;
  /** The capacity file this update was computed from (the draft's choice, the setting, or the sample). */
  capacityFile: string;
  errors: FieldErrors;
  problems: ProblemView[];
  /** `'same'`: unchanged since the previous update (a big analysis is not sent again for every keystroke). */
  analysis: AnalysisView | null | 'same';
  /** `null`: unchanged since the previous update. */
  html: string | null;
  /** The Adaptive Card Teams will show, or why it cannot be sent as one (only while the Teams preview is on). */
  teamsCard: TeamsCardView | null;
  /** The template the reply is rendered with: the draft's choice, else the default. */
  templateId: string;
  /** The draft's template is not installed any more (its pack broke or was removed): its id. */
  missingTemplate: string | null;
  /** When the change must reach the CIO, the composer offers the note to them. */
  cioNoteNeeded: boolean;
  /** How long the host took to produce this update (ms): the benchmark splits latency into host and transport with it. */
  renderMs?: number;
  /** Why there is no preview yet, in words (e.g. "Fill in the effort to see the reply"). */
  hint: string;
}

/** An update as rendered, before what the page already has is left out. */
export type RenderedUpdate = Omit<ComposerUpdate, 'analysis' | 'html'> & { analysis: AnalysisView | null; html: string };

export type ToWebview =
  | { type: 'init'; draft: DraftForm; templates: TemplateOption[]; capacities: CapacityOption[]; trusted: boolean }
  | { type: 'draftReplaced'; draft: DraftForm }
  | { type: 'update'; update: ComposerUpdate }
  /** The figures last shown for this draft, sent at once when the page starts over: shown as updating until the first `update`. */
  | { type: 'restored'; draft: DraftForm; update: SavedUpdate }
  | { type: 'choices'; templates: TemplateOption[]; capacities: CapacityOption[] }
  | { type: 'richCopy'; html: string; text: string }
  /** What the page needs to render the preview itself (see pageRender.ts), or null: it waits for the host's updates. */
  | { type: 'renderData'; data: PageRenderData | null }
  /** What an action did ("Copied the reply as Markdown"), shown in the page's status line. */
  | { type: 'notice'; text: string; tone: 'info' | 'warning' };
