import { createHash, timingSafeEqual } from 'node:crypto';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const SCRAPE_TOKEN_ALLOWED = 'crm:scrape-token';
/**
 * The endpoint also answers a Prometheus scraper holding METRICS_TOKEN as its bearer token: a
 * scraper is no person, has no account and must not need one signing in every TOKEN_TTL_SECONDS.
 */
export const ScrapeTokenAllowed = () => applyDecorators(SetMetadata(SCRAPE_TOKEN_ALLOWED, true), ApiExtension('x-scrape-token', true));

/** Compared as digests, so neither the length nor the first differing byte leaks through timing. */
export function isScrapeToken(presented: string | undefined, configured: string | undefined): boolean {
  if (!presented || !configured) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(configured));
}
