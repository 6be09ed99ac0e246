import type { DraftForm } from '../../core/draft/draftForm';
import { draftTemplateId } from '../../core/draft/draftReply';
import type { CompiledTemplate } from '../../core/engine/compileTemplate';
import { TEMPLATE_SPECS_GLOBAL, type TemplateSpecs, packOfOne, templateFromSpecs } from '../../core/engine/precompiledTemplate';
import { ok } from '../../core/problems';
import { renderDraft } from '../../shared/composerModel';
import { type PageRenderData, pageRenderDataSchema } from '../../shared/pageRender';
import type { PreviewMode, RenderedUpdate } from '../../shared/protocol';

/*
 * The preview rendered in the page, on each keystroke, with the host's pipeline
 * (renderDraft → draftReply) on the data the host sent: no round trip through the
 * extension host. Every change still goes to the host, which keeps the draft and
 * renders the same state for the actions, and whose update then changes nothing
 * on screen. Whenever the page lacks something (no data yet, the template script
 * not loaded, data the host could not use) it renders nothing and the host's
 * update shows the preview, as before.
 */

interface Ready {
  data: PageRenderData;
  template: CompiledTemplate;
}

let ready: Ready | undefined;
/** The newest data received: a script loading late must not install an older template. */
let newest: unknown;

/** Take the host's render data: checked, and its template script loaded before the page renders with it. */
export function acceptRenderData(raw: unknown, onReady: () => void): void {
  newest = raw;
  ready = undefined;
  if (raw === null) return;
  const parsed = pageRenderDataSchema.safeParse(raw);
  if (!parsed.success) {
    console.warn(`Pushback: ignored render data the page cannot use: ${parsed.error.message}`);
    return;
  }
  const data = parsed.data as PageRenderData;
  void loadSpecs(data.script.uri, data.script.hash).then(
    (specs) => {
      if (newest !== raw) return;
      try {
        ready = { data, template: templateFromSpecs(data.template, specs) };
        onReady();
      } catch (error) {
        console.warn('Pushback: the precompiled template could not be built', error);
      }
    },
    (error: unknown) => console.warn('Pushback: the precompiled template did not load', error),
  );
}

/** Whether the page has what it needs to render this draft (data for its capacity choice and template). */
export function canRenderInPage(draft: DraftForm): boolean {
  // Data for another capacity choice or template: the host renders until it sends the new one.
  return ready !== undefined && draft.capacityFile === ready.data.capacityChoice && draftTemplateId(draft) === ready.data.templateId;
}

/** The preview for this draft, rendered here, or undefined when the host must render it. */
export function renderInPage(draft: DraftForm, seq: number, previewMode: PreviewMode): RenderedUpdate | undefined {
  if (!ready || !canRenderInPage(draft)) return undefined;
  const { data, template } = ready;
  try {
    const { update } = renderDraft({
      draft,
      seq,
      capacityFile: data.capacityFile,
      capacity: ok(data.capacity),
      packs: [packOfOne(template)],
      today: data.today,
      signature: data.signature,
      currency: data.currency,
      locale: data.locale,
      withTeamsCard: previewMode === 'teams',
    });
    return update;
  } catch (error) {
    console.warn('Pushback: the preview could not be rendered in the page', error);
    return undefined;
  }
}

type SpecsRegistry = Record<string, unknown>;

const loaded = new Map<string, Promise<TemplateSpecs>>();

/** Load the template's script with the page's nonce (the CSP allows no other script) and take its specs. */
function loadSpecs(uri: string, hash: string): Promise<TemplateSpecs> {
  let loading = loaded.get(hash);
  if (!loading) {
    loading = new Promise<TemplateSpecs>((resolve, reject) => {
      const registry = () => (window as unknown as Record<string, SpecsRegistry | undefined>)[TEMPLATE_SPECS_GLOBAL];
      const take = () => {
        const specs = registry()?.[hash];
        if (isSpecs(specs)) resolve(specs);
        else reject(new Error(`the script did not register the template ${hash}`));
      };
      if (registry()?.[hash] !== undefined) return take();
      const script = document.createElement('script');
      script.nonce = (window as unknown as { litNonce?: string }).litNonce ?? '';
      script.src = uri;
      script.addEventListener('load', take);
      script.addEventListener('error', () => reject(new Error(`could not load ${uri}`)));
      document.head.append(script);
    });
    loading.catch(() => loaded.delete(hash));
    loaded.set(hash, loading);
  }
  return loading;
}

/** The shape the host's script registers: anything else (another script, a tampered file) is not used. */
function isSpecs(value: unknown): value is TemplateSpecs {
  if (typeof value !== 'object' || value === null) return false;
  const specs = value as Record<string, unknown>;
  const isSpec = (spec: unknown) => typeof spec === 'object' && spec !== null && typeof (spec as { main?: unknown }).main === 'function';
  const pairs = (list: unknown, check: (entry: unknown) => boolean) => Array.isArray(list) && list.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && check(pair[1]));
  return (
    isSpec(specs.body) &&
    (specs.subject === null || isSpec(specs.subject)) &&
    pairs(specs.partials, isSpec) &&
    pairs(specs.translations, (t) => typeof t === 'object' && t !== null && isSpec((t as { body?: unknown }).body) && ((t as { subject?: unknown }).subject === null || isSpec((t as { subject?: unknown }).subject)))
  );
}
