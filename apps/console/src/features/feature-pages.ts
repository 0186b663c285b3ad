import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { FeatureId } from './feature-catalogue';

/** What the shell hands a feature page: the path after `/<feature id>` and the query. */
export interface FeaturePageProps {
  /** `#/customers/c-42/documents` → ['c-42', 'documents'] */
  segments: string[];
  query: URLSearchParams;
}

type PageModule = { default: ComponentType<FeaturePageProps> };

// Vite finds the page files at build time; each becomes its own chunk, loaded on first visit.
const modules = import.meta.glob<PageModule>('./*.page.tsx');
const pages = new Map<string, LazyExoticComponent<ComponentType<FeaturePageProps>>>();

export function hasPage(id: FeatureId): boolean {
  return `./${id}.page.tsx` in modules;
}

export function pageFor(id: FeatureId): LazyExoticComponent<ComponentType<FeaturePageProps>> | undefined {
  const load = modules[`./${id}.page.tsx`];
  if (!load) return undefined;
  if (!pages.has(id)) pages.set(id, lazy(load));
  return pages.get(id);
}
