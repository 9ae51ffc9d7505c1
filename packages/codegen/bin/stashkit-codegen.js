#!/usr/bin/env node
// Committed so the bin exists before `dist` is built (no missing-bin warning on install).
import '../dist/bin.js';
