/**
 * docs/study.schema.json, generated from the study file's zod schema (src/scenario/study-file.ts)
 * so that editors complete and check experiment files (`# yaml-language-server: $schema=…`).
 * Factor values are written free-form here (a range, a distribution or a choice): `thaw study`
 * checks them against the scenario's parameters.
 */
import { z } from 'zod';
import { studyFileSchema } from '../scenario/study-file.js';

export function studyJsonSchema(): Record<string, unknown> {
  const raw = z.toJSONSchema(studyFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = raw;
  return {
    $schema: $schema ?? null,
    $id: 'https://thaw.example/study.schema.json',
    title: 'thaw study',
    description: 'A thaw experiment file (`thaw study FILE.yaml`, docs/studies.md). Generated from src/scenario/study-file.ts by `npm run docs`; do not edit.',
    ...rest,
  };
}

export const renderStudySchema = (): string => `${JSON.stringify(studyJsonSchema(), null, 2)}\n`;
