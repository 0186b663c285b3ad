import parsePrometheusTextFormat, { type PromFamily, type PromSample } from 'parse-prometheus-text-format';
import type { TestApi } from './test-api';

/** GET /metrics with a bearer token, parsed by a Prometheus text-format parser (not by our own code). */
export async function scrape(api: TestApi, token: string): Promise<Scrape> {
  const res = await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}: ${text}`);
  return new Scrape(text, res.headers.get('content-type') ?? '');
}

export interface HistogramSample {
  labels: Record<string, string>;
  count: number;
  sum: number;
  /** cumulative count per upper bound (`le`), `+Inf` included */
  buckets: Map<string, number>;
}

/**
 * parse-prometheus-text-format 1.1.1 folds every labelled series of a histogram into one sample
 * without labels (its flattening expects a histogram without labels). So the text is parsed twice:
 * as served, for the families and their types, and with the histograms' `# TYPE` lines left out,
 * where `<name>_bucket`, `_count` and `_sum` come back as plain families that keep their labels.
 */
export class Scrape {
  readonly families: PromFamily[];
  private readonly series: PromFamily[];

  constructor(
    text: string,
    readonly contentType: string,
  ) {
    this.families = parsePrometheusTextFormat(text);
    this.series = parsePrometheusTextFormat(text.split('\n').filter((line) => !/^# TYPE \S+ histogram$/.test(line)).join('\n'));
  }

  family(name: string): PromFamily {
    const found = this.families.find((f) => f.name === name);
    if (!found) throw new Error(`no metric family ${name} in the scrape (${this.families.map((f) => f.name).join(', ')})`);
    return found;
  }

  /** The samples of a counter or gauge whose labels include all of `labels`. */
  samples(name: string, labels: Record<string, string> = {}): PromSample[] {
    return this.family(name).metrics.filter((m) => matches(m, labels));
  }

  /** Sum of the values of the matching samples; 0 when none match. */
  total(name: string, labels: Record<string, string> = {}): number {
    return this.samples(name, labels).reduce((sum, m) => sum + Number(m.value ?? 0), 0);
  }

  /** One entry per labelled series of a histogram whose labels include all of `labels`. */
  histograms(name: string, labels: Record<string, string> = {}): HistogramSample[] {
    if (this.family(name).type !== 'HISTOGRAM') throw new Error(`${name} is not a histogram`);
    // interleaved series (bucket, sum, count per label set) come back as one family per run of lines
    const of = (suffix: string) => this.series.filter((f) => f.name === `${name}_${suffix}`).flatMap((f) => f.metrics.filter((m) => matches(m, labels)));
    return of('count').map((c) => {
      const key = JSON.stringify(c.labels ?? {});
      const same = (m: PromSample) => JSON.stringify(withoutLe(m.labels ?? {})) === key;
      const buckets = new Map(of('bucket').filter(same).map((b) => [String(b.labels?.le), Number(b.value)]));
      return { labels: c.labels ?? {}, count: Number(c.value), sum: Number(of('sum').find(same)?.value ?? NaN), buckets };
    });
  }

  /** Observations over the matching series of a histogram. */
  observations(name: string, labels: Record<string, string> = {}): number {
    return this.histograms(name, labels).reduce((sum, h) => sum + h.count, 0);
  }
}

const matches = (m: PromSample, labels: Record<string, string>) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v);

function withoutLe(labels: Record<string, string>): Record<string, string> {
  const { le: _le, ...rest } = labels;
  return rest;
}
