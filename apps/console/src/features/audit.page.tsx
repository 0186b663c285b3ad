import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import type { HistoryEntry } from './audit/audit.api';
import { useAuditT } from './audit/audit.messages';
import { AsOfPanel } from './audit/as-of-panel';
import { AuditTimeline } from './audit/audit-timeline';
import { CustomerPicker } from './audit/customer-picker';
import { ExportLinks, VerifyPanel } from './audit/verify-export';
import { WhatIfPanel } from './audit/what-if-panel';
import type { FeaturePageProps } from './feature-pages';
import '../components/components.css';
import './audit/audit.css';

/** `#/audit` picks a customer; `#/audit/<customerId>` is that customer's replay. */
export default function AuditPage({ segments }: FeaturePageProps) {
  const at = useAuditT();
  const { t } = useI18n();
  const [customerId] = segments;
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [moment, setMoment] = useState<number | null>(null);
  const onMoment = useCallback((position: number | null) => setMoment(position), []);

  return (
    <div className="audit-page">
      <PageHeading subtitle={at.t('subtitle')}>{t('feature.audit.title')}</PageHeading>
      <CustomerPicker at={at} current={customerId} />
      {customerId ? (
        <div className="stack audit-body" key={customerId}>
          <div className="audit-layout">
            <AsOfPanel at={at} customerId={customerId} entries={entries} onMoment={onMoment} />
            <div className="stack">
              <VerifyPanel at={at} customerId={customerId} />
              <ExportLinks at={at} customerId={customerId} />
            </div>
          </div>
          <AuditTimeline at={at} customerId={customerId} onLoaded={setEntries} selectedPosition={moment} />
        </div>
      ) : (
        <p className="empty">{at.t('noCustomer')}</p>
      )}
      <WhatIfPanel key={customerId ?? 'all'} customerId={customerId} />
    </div>
  );
}
