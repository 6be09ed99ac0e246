import { localIsoDate } from '../../core/selection/localDate';
import type { DraftForm } from '../../core/draft/draftForm';
import type { Services } from '../services';
import { replySettings } from '../settings';
import { renderDraft } from './composerModel';

/** What a draft is rendered from besides itself: its capacity file, the packs, today and the reply settings. */
export async function renderInputs(services: Services, draft: DraftForm) {
  const capacityFile = await services.resolveCapacityFile(draft.capacityFile);
  const [capacity, packs] = await Promise.all([services.loadCapacity(capacityFile), services.packs()]);
  const { signature, currency, locale } = replySettings();
  return { capacityFile, capacity, packs, today: localIsoDate(new Date()), signature, currency, locale };
}

/** Render a draft the way every composer surface does: its capacity file, the packs, today, the signature setting. */
export async function renderWithServices(services: Services, draft: DraftForm, seq: number, withTeamsCard: boolean) {
  const inputs = await renderInputs(services, draft);
  return renderDraft({ draft, seq, ...inputs, withTeamsCard });
}
