#!/usr/bin/env node
import { runCodegen } from './runCodegen.ts';

process.exitCode = await runCodegen(process.argv.slice(2), {
  log: (m) => console.log(m),
  error: (m) => console.error(m),
  env: process.env,
});
