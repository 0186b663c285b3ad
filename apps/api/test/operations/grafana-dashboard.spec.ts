import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PromMetrics } from '../../src/metrics/prom.metrics';

type Panel = { type: string; title: string; targets?: Array<{ expr: string }> };

describe('the sample Grafana dashboard (infra/grafana/crm-dashboard.json)', () => {
  const dashboard = JSON.parse(readFileSync(join(__dirname, '../../../../infra/grafana/crm-dashboard.json'), 'utf8')) as { panels: Panel[] };

  it('queries only metric families the service exports, and shows every crm_ family at least once', async () => {
    const exported = new Set((await new PromMetrics().registry.getMetricsAsJSON()).map((m) => m.name));
    const queried = new Set(
      dashboard.panels
        .flatMap((p) => p.targets ?? [])
        .flatMap((t) => t.expr.match(/\b(crm|process|nodejs)_[a-z0-9_]+/g) ?? [])
        .map((name) => (exported.has(name) ? name : name.replace(/_(bucket|sum|count)$/, ''))),
    );
    expect([...queried].filter((name) => !exported.has(name))).toEqual([]);
    expect([...exported].filter((name) => name.startsWith('crm_') && !queried.has(name))).toEqual([]);
  });
});
