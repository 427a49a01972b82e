#!/usr/bin/env node
/**
 * Runs Stryker (`npm run test:mutation`). StrykerJS 10 refuses to start below Node 22 by a
 * version guard, while this project supports Node >= 20 and everything Stryker uses here runs on
 * it; on Node 20 the guard alone is bypassed by reporting a 22 version to it. Arguments are passed on.
 */
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) Object.defineProperty(process, 'version', { value: 'v22.18.0', configurable: true });
const { StrykerCli } = await import('@stryker-mutator/core');
process.title = 'stryker';
new StrykerCli(process.argv).run();
