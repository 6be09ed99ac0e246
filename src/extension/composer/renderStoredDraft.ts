import { localIsoDate } from '../../core/selection/localDate';
import type { DraftForm } from '../../core/draft/draftForm';
import type { Services } from '../services';
import { replySettings } from '../settings';
import { renderDraft } from '../../shared/composerModel';

/**
 * What a draft is rendered from besides itself: its capacity file, the packs, today and the reply settings.
 * `quick`: for figures on screen (see Services.resolveCapacityFile); actions render without it.
 */
export type RenderInputs = Awaited<ReturnType<typeof renderInputs>>;

export async function renderInputs(services: Services, draft: DraftForm, options: { quick?: boolean } = {}) {
  const capacityFile = await services.resolveCapacityFile(draft.capacityFile, options);
  const [capacity, packs] = await Promise.all([services.loadCapacity(capacityFile), services.packs()]);
  const { signature, currency, locale } = replySettings();
  return { capacityFile, capacity, packs, today: localIsoDate(new Date()), signature, currency, locale };
}

/** Render a draft the way every composer surface does: its capacity file, the packs, today, the signature setting. */
export async function renderWithServices(services: Services, draft: DraftForm, seq: number, withTeamsCard: boolean, options: { quick?: boolean } = {}) {
  const inputs = await renderInputs(services, draft, options);
  return renderDraft({ draft, seq, ...inputs, withTeamsCard });
}
