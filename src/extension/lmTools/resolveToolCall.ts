import type { z } from 'zod';
import type { Request } from '../../core/schema/request';
import type { Services } from '../services';
import { type ToolCapacity, checkToolInput, toolCapacity } from './toolInputs';

/** What a tool call works on once its input is checked and its capacity file chosen. */
export interface ResolvedToolCall<T> {
  value: T;
  request: Request;
  capacity: ToolCapacity;
}

/**
 * Checks a tool's input (each wrong field named) and picks the capacity file it reads;
 * else the message to return to the model instead of a result.
 */
export async function resolveToolCall<T extends { capacityFile?: string }>(
  services: Services,
  schema: z.ZodType<T>,
  input: unknown,
): Promise<{ ok: true; call: ResolvedToolCall<T> } | { ok: false; message: string }> {
  const checked = checkToolInput(schema, input);
  if (!checked.ok) return checked;
  const capacity = await toolCapacity(services, checked.value.capacityFile);
  if ('error' in capacity) return { ok: false, message: capacity.error };
  return { ok: true, call: { value: checked.value, request: checked.request, capacity } };
}
