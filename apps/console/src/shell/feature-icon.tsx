import type { FeatureId } from '../features/feature-catalogue';

// Simple line icons (24×24, stroke) so the console needs no icon font or package.
const PATHS: Record<FeatureId, string> = {
  inbox: 'M4 13h4l2 3h4l2-3h4M4 13l2-8h12l2 8v6H4z',
  'new-application': 'M14 3H6v18h12V7zM14 3v4h4M12 11v6M9 14h6',
  customers: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a7 7 0 0 1 14 0v1M17 3.5a4 4 0 0 1 0 7M22 21v-1a6 6 0 0 0-4-5.6',
  complaints: 'M4 5h16v11H9l-5 4zM12 8v4M12 14h.01',
  'sla-board': 'M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM12 9v4l2.5 2.5M9 2h6',
  audit: 'M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.3-4.3M8 11l2 2 4-4',
  calendar: 'M4 6h16v15H4zM4 10h16M8 3v5M16 3v5M8 14h2M14 14h2M8 17h2',
  development: 'M3 20l6-6 4 4 8-8M15 10h6v6',
  'key-accounts': 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  'customer-reviews': 'M4 4h10v16H4zM7 8h4M7 12h4M7 16h2M16 9l2 2 4-4M16 17l2 2 4-4',
  allocations: 'M3 12h18M12 3v18M5 5l14 14',
  surveys: 'M9 11l3 3 8-8M20 12v7H4V5h11',
  forums: 'M3 5h12v8H7l-4 3zM9 15v2h8l4 3V9h-4',
  committee: 'M12 3v18M5 7h14M5 7l-3 7a3 3 0 0 0 6 0zM19 7l-3 7a3 3 0 0 0 6 0zM8 21h8',
  consultations: 'M12 21a9 9 0 1 0-9-9c0 1.6.4 3.1 1.2 4.4L3 21l4.6-1.2A9 9 0 0 0 12 21zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6M12 17h.01',
  'visit-plans': 'M4 6h16v15H4zM4 10h16M8 3v5M16 3v5M9 15l2 2 4-4',
  'archive-filings': 'M3 4h18v4H3zM5 8v12h14V8M10 12h4',
  visits: 'M12 21s-7-6.1-7-11a7 7 0 0 1 14 0c0 4.9-7 11-7 11zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  users: 'M10 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM3 21v-1a7 7 0 0 1 11-5.7M18 14v6M15 17h6',
  channels: 'M4 12a8 8 0 0 1 16 0M8 12a4 4 0 0 1 8 0M12 12v9M9 21h6',
  'complaint-policy': 'M6 3h12v18H6zM9 8h6M9 12h6M9 16h3',
  delegations: 'M8 7a3 3 0 1 0 0-.01M16 17a3 3 0 1 0 0-.01M11 8h5l-2-2M13 16H8l2 2',
  reassignment: 'M4 7h13l-3-3M20 17H7l3 3M4 7v4M20 17v-4',
  contracts: 'M6 3h9l4 4v14H6zM15 3v4h4M9 12h6M9 16h4M14 18l2 1 3-4',
  catalogue: 'M3 10l9-6 9 6v10H3zM8 20v-6h8v6M3 10h18',
  notifications: 'M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0',
  projections: 'M4 5h16v4H4zM4 11h16v4H4zM4 17h10v3H4zM18 17l2 2-2 2',
};

export function FeatureIcon({ id }: { id: FeatureId }) {
  return (
    <svg className="feature-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={PATHS[id]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
