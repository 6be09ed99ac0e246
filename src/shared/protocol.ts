import { z } from 'zod';
import { draftFormSchema, type DraftForm, type FieldErrors } from '../core/draft/draftForm';
import type { TemplateField } from '../core/engine/templateFields';

/**
 * The one protocol between the composer's host code and its webview. Messages
 * from the webview are untrusted input: the host parses them with these schemas
 * and ignores anything else.
 */
export const ACTIONS = ['insert', 'openDocument', 'copyMarkdown', 'copyHtml', 'copyText', 'copyTeamsCard', 'postToTeams', 'draftCioNote'] as const;
export type ComposerAction = (typeof ACTIONS)[number];

export const fromWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('formChanged'), seq: z.number().int(), draft: draftFormSchema }),
  z.object({ type: z.literal('action'), action: z.enum(ACTIONS) }),
  z.object({ type: z.literal('newDraft') }),
  z.object({ type: z.literal('previewMode'), mode: z.enum(['email', 'teams']) }),
  z.object({ type: z.literal('requestRichCopy') }),
  z.object({ type: z.literal('openProblem'), file: z.string(), line: z.number().int().min(1) }),
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
}

export interface ProblemView {
  text: string;
  file: string;
  line: number;
}

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
  alternatives: { kind: 'defer' | 'descope' | 'swap' | 'fund'; label: string; detail: string; available: boolean }[];
  proposal: 'defer' | 'descope' | 'swap' | 'fund';
  informCio: string;
  warnings: string[];
}

export interface ComposerUpdate {
  seq: number;
  /** The capacity file this update was computed from (the draft's choice, the setting, or the sample). */
  capacityFile: string;
  errors: FieldErrors;
  problems: ProblemView[];
  analysis: AnalysisView | null;
  html: string;
  /** The Adaptive Card Teams will show, or why it cannot be sent as one (only while the Teams preview is on). */
  teamsCard: { card: unknown } | { refused: string } | null;
  /** When the change must reach the CIO, the composer offers the note to them. */
  cioNoteNeeded: boolean;
  /** How long the host took to produce this update (ms): the benchmark splits latency into host and transport with it. */
  renderMs?: number;
  /** Why there is no preview yet, in words (e.g. "Fill in the effort to see the reply"). */
  hint: string;
}

export type ToWebview =
  | { type: 'init'; draft: DraftForm; templates: TemplateOption[]; capacities: CapacityOption[]; trusted: boolean }
  | { type: 'draftReplaced'; draft: DraftForm }
  | { type: 'update'; update: ComposerUpdate }
  | { type: 'choices'; templates: TemplateOption[]; capacities: CapacityOption[] }
  | { type: 'richCopy'; html: string; text: string };
