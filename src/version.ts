import { readFileSync } from 'node:fs';
import { inPackage } from './paths.js';

/** The package version, read once from package.json so that it is never written twice. */
export const VERSION: string = (JSON.parse(readFileSync(inPackage('package.json'), 'utf8')) as { version: string }).version;
