import { z } from 'zod';

/*
 * Imported first by main.ts, before any module that builds a schema: zod compiles
 * fast parsers with `new Function` unless told not to, and the page's CSP forbids
 * eval (even its probe is reported as a violation). The page parses little.
 */
z.config({ jitless: true });
