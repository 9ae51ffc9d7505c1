#!/usr/bin/env node
// The `stashkit-mock` bin: a committed file, so installing the workspace before a build links it
// without warnings; the server itself is the built CLI.
import '../dist/cli.js';
