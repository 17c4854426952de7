import { z } from 'zod';

// zod compiles object parsers with `new Function` when it may; under the server's Content-Security-Policy
// (no 'unsafe-eval') even its probe is reported as a violation. Imported first by main.tsx: zod reads this
// when each schema is built, so it must run before any module that builds one.
z.config({ jitless: true });
