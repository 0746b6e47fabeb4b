import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  reports: defineCollection({ loader: glob({ pattern: '**/*.md', base: process.env['BASELINE_REPORTS_DIR'] }) }),
};
