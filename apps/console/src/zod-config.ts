import { z } from 'zod';

// zod compiles object parsers with `new Function` unless told not to; the console's CSP forbids
// eval (script-src 'self'), and merely probing for it files a violation report. Imported first.
z.config({ jitless: true });
