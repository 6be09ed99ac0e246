import type { HelperDelegate, HelperOptions, RuntimeOptions, TemplateDelegate } from 'handlebars';
import type { HandlebarsEnvironment } from './templateEnvironment';

/**
 * Limits on one render. Templates come from shared packs and run in the editor's
 * extension host: a partial that includes itself, or a loop nested in a loop, must
 * stop with a message rather than freeze VS Code. A real reply is a few KB and a
 * few hundred steps, so these leave a wide margin.
 */
export interface RenderLimits {
  maxPartialDepth: number;
  maxOutputChars: number;
  /** Helper calls, block bodies and partials run, together: this bounds the time a render takes. */
  maxSteps: number;
}

export const RENDER_LIMITS: RenderLimits = { maxPartialDepth: 32, maxOutputChars: 1_000_000, maxSteps: 100_000 };

/** A render stopped by a limit; `templateProblem` reports its message and hint as they are. */
export class RenderLimitError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'RenderLimitError';
  }
}

/**
 * Whatever the caller passes, a render never reaches prototypes: no properties or
 * methods inherited from Object.prototype (constructor, __proto__, __defineGetter__…),
 * which is how Handlebars' past code-execution advisories got in.
 */
const NO_PROTOTYPE_ACCESS: RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowedProtoProperties: {},
  allowedProtoMethods: {},
  allowCallsToHelperMissing: false,
};

interface GuardState {
  limits: RenderLimits;
  depth: number;
  steps: number;
  rendering: boolean;
}

const guards = new WeakMap<HandlebarsEnvironment, GuardState>();
/** The innermost partial an error came out of, so a problem can point at the partial's file. */
const failedInPartial = new WeakMap<object, string>();

/**
 * Count and cap every helper, block body and partial of this environment. Call it
 * once, after the helpers are registered. Partials are caught where Handlebars
 * invokes them (`env.VM`, which its runtime reads per environment so it can be
 * overridden), so registered, inline (`{{#*inline}}`) and block partials are all counted.
 */
export function installRenderGuard(handlebars: HandlebarsEnvironment, limits: RenderLimits = RENDER_LIMITS): void {
  const state: GuardState = { limits, depth: 0, steps: 0, rendering: false };
  guards.set(handlebars, state);
  for (const [name, helper] of Object.entries(handlebars.helpers)) handlebars.registerHelper(name, guardHelper(state, helper));

  const vm = handlebars.VM as unknown as { invokePartial: (this: unknown, partial: unknown, context: unknown, options: { name?: string }) => unknown };
  const invokePartial = vm.invokePartial;
  (handlebars as { VM: unknown }).VM = {
    ...vm,
    invokePartial(this: unknown, partial: unknown, context: unknown, options: { name?: string }) {
      const name = String(options.name ?? 'partial');
      if (state.depth >= limits.maxPartialDepth) {
        throw new RenderLimitError(`partials nest more than ${limits.maxPartialDepth} deep at {{> ${name}}}`, `the partial "${name}" probably includes itself; give the recursion an end or remove it`);
      }
      step(state);
      state.depth++;
      try {
        return capped(state, invokePartial.call(this, partial, context, options));
      } catch (error) {
        if (typeof error === 'object' && error !== null && !failedInPartial.has(error)) failedInPartial.set(error, name);
        throw error;
      } finally {
        state.depth--;
      }
    },
  };
}

/** A compiled template that renders under the environment's limits and without prototype access. */
export function guardRender(handlebars: HandlebarsEnvironment, delegate: TemplateDelegate): TemplateDelegate {
  const state = guards.get(handlebars) ?? { limits: RENDER_LIMITS, depth: 0, steps: 0, rendering: false };
  return (context, options) => {
    // Renders are synchronous, so one counter per environment is one counter per render.
    const outermost = !state.rendering;
    if (outermost) Object.assign(state, { depth: 0, steps: 0, rendering: true });
    try {
      return capped(state, delegate(context, { ...options, ...NO_PROTOTYPE_ACCESS }));
    } finally {
      if (outermost) state.rendering = false;
    }
  };
}

/** The partial an error was thrown in (innermost), if any. */
export function partialOfError(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? failedInPartial.get(error) : undefined;
}

function guardHelper(state: GuardState, helper: HelperDelegate): HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    step(state);
    const options = args[args.length - 1] as Partial<HelperOptions> | undefined;
    // A block helper runs its body through options.fn/inverse (each iteration of #each, say): count those too.
    if (options && typeof options === 'object' && typeof options.fn === 'function') {
      options.fn = guardBlock(state, options.fn);
      if (typeof options.inverse === 'function') options.inverse = guardBlock(state, options.inverse);
    }
    return capped(state, (helper as (...values: unknown[]) => unknown).apply(this, args));
  };
}

function guardBlock(state: GuardState, block: TemplateDelegate): TemplateDelegate {
  const guarded = function (this: unknown, ...args: Parameters<TemplateDelegate>) {
    step(state);
    return capped(state, block.apply(this, args));
  };
  // Handlebars keeps bookkeeping on program functions (program, depth, blockParams, partials).
  return Object.assign(guarded, block);
}

function step(state: GuardState): void {
  if (++state.steps > state.limits.maxSteps) {
    throw new RenderLimitError(
      `the template ran more than ${state.limits.maxSteps.toLocaleString('en-US')} helpers, blocks and partials and was stopped`,
      'look for a loop nested in another loop, or a partial that includes itself',
    );
  }
}

function capped<T>(state: GuardState, output: T): T {
  if (typeof output === 'string' && output.length > state.limits.maxOutputChars) {
    throw new RenderLimitError(
      `the reply grew past ${state.limits.maxOutputChars.toLocaleString('en-US')} characters and was stopped`,
      'look for a loop over a long list or a block repeated many times',
    );
  }
  return output;
}
