import Handlebars from 'handlebars';
import { register as registerDates } from './helpers/dates';
import { register as registerLogic } from './helpers/logic';
import { register as registerMoney } from './helpers/money';
import { register as registerNumbers } from './helpers/numbers';
import { register as registerProse } from './helpers/prose';
import { register as registerTable } from './helpers/table';
import { installRenderGuard } from './renderGuard';

export type HandlebarsEnvironment = typeof Handlebars;

const registrations = [registerMoney, registerNumbers, registerDates, registerProse, registerTable, registerLogic];

/**
 * An isolated Handlebars environment with Pushback's helpers and nothing else:
 * templates (including shared packs) cannot register helpers or run code, and
 * nothing registered here leaks into another copy of Handlebars in the process.
 */
export function createTemplateEnvironment(): HandlebarsEnvironment {
  const handlebars = Handlebars.create();
  for (const register of registrations) register(handlebars);
  // `log` would write data to the console of whoever renders; packs get no side channel.
  handlebars.unregisterHelper('log');
  installRenderGuard(handlebars);
  return handlebars;
}

/**
 * Helpers Handlebars' compiler assumes exist unless told otherwise: declared unknown,
 * so `{{log x}}` or `{{helperMissing}}` fails to compile instead of failing when rendered.
 */
export const DENIED_HELPERS: Readonly<Record<string, false>> = { log: false, helperMissing: false, blockHelperMissing: false };

/** Names a template may call: ours and Handlebars' block helpers (if, each, with…). */
export function knownHelperNames(handlebars: HandlebarsEnvironment): string[] {
  return Object.keys(handlebars.helpers).filter((name) => !name.endsWith('Missing'));
}
