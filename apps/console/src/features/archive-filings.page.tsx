import { useCallback, useState } from 'react';
import { hasAnyRole } from '../auth/session';
import { useSignedIn } from '../auth/session.context';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../shell/page-heading';
import { useArchiveT } from './archive-filings/archive-filings.messages';
import { CheckForm } from './archive-filings/check-form';
import { CheckList } from './archive-filings/check-list';
import { type Filing, FilingList } from './archive-filings/filing-list';
import type { FeaturePageProps } from './feature-pages';
import { customerLabel, useNames } from './record-kit/names';
import '../components/components.css';
import '../components/onboarding.css';
import './record-kit/record-kit.css';

/** 档案备案与检查 (R-ARC-3): the filings with the parent's chemicals sales department, and its periodic checks. */
export default function ArchiveFilingsPage(_props: FeaturePageProps) {
  const { t, lang } = useArchiveT();
  const { t: gt } = useI18n();
  const { session } = useSignedIn();
  const [position, setPosition] = useState<number | undefined>();
  const [filed, setFiled] = useState<string[]>([]);
  // the companies a finding may name: those filed with the department (it reads no customer list)
  const onFilings = useCallback((filings: Filing[]) => setFiled((old) => [...new Set([...old, ...filings.map((f) => f.customerId)])]), []);
  const names = useNames([], filed);
  const options = [{ value: '', label: t('wholeArchive') }, ...filed.map((id) => ({ value: id, label: customerLabel(names, id, lang, true) }))];
  return (
    <section className="stack">
      <PageHeading subtitle={t('subtitle')}>{gt('feature.archive-filings.title')}</PageHeading>
      <FilingList onFilings={onFilings} />
      <CheckList minPosition={position} onChanged={setPosition} />
      {hasAnyRole(session.user, ['parent_chemicals_sales']) ? <section className="card"><CheckForm customers={options} onRecorded={setPosition} /></section> : null}
    </section>
  );
}
