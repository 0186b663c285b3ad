import { DropProspect, MarkProspectConverted, UpdateProspect } from '@crm/development';
import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorDescription } from '../../api/describe-error';
import { hasAnyRole } from '../../auth/session';
import { useSignedIn } from '../../auth/session.context';
import { labelOr, useOnboardingLabels } from '../../components/onboarding-labels';
import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { localMessages } from '../../i18n/local-messages';
import { ErrorAlert } from '../../shell/error-alert';
import { RECORD_WORDING } from '../customers/records/field-issues';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { CommandCard } from '../record-kit/command-card';
import { personLabel, useNames } from '../record-kit/names';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { labelFor, useDevelopmentT } from './development.messages';

const SOURCES = ['market_survey', 'visit', 'referral', 'exhibition', 'inbound', 'other'] as const;
type Field = 'companyName' | 'identifiers' | 'region' | 'productsOfInterest' | 'estimatedTonnesPerYear' | 'source' | 'notes';

/** GET /prospects/:id (apps/api/src/development/development-read.service.ts). */
interface Archive {
  prospectId: string; companyName: string; identifiers: { creditCode?: string; legalRepresentative?: string }; region: string; productsOfInterest: string[];
  estimatedTonnesPerYear: number | null; source: string; notes: string | null; customerManagerId: string; applicationId: string | null; dropReason: string | null;
}
type HistoryEntry = { type: 'ProspectUpdated'; changes: Partial<Record<Field, { before: unknown; after: unknown }>>; reason: string; by: string; at: string }
  | { type: 'ProspectConverted'; applicationId: string; by: string; at: string }
  | { type: 'ProspectDropped'; reason: string; by: string; at: string };
interface ProspectView { id: string; state: 'active' | 'converted' | 'dropped'; archive: Archive; history: HistoryEntry[] }
interface Application { applicationId: string; companyName: string; status: string }

export const useProspectT = localMessages({
  'zh-CN': {
    back: '返回目标客户列表',
    manager: '负责客户经理',
    creditCode: '统一社会信用代码',
    legalRepresentative: '法定代表人',
    notes: '备注',
    application: '开户申请',
    dropReason: '放弃原因',
    history: '变更记录',
    historyNone: '登记以来尚无变更。',
    'field.companyName': '企业名称',
    'field.identifiers': '证照信息',
    'field.region': '区域',
    'field.productsOfInterest': '意向产品',
    'field.estimatedTonnesPerYear': '预计年用量（吨）',
    'field.source': '来源',
    'field.notes': '备注',
    updated: '{by} 于 {at} 修改：{fields}。原因：{reason}',
    changedFrom: '{field}由“{before}”改为“{after}”',
    convertedLine: '{by} 于 {at} 转为开户申请（{company}）',
    droppedLine: '{by} 于 {at} 放弃跟进。原因：{reason}',
    updateTitle: '修改目标客户档案',
    updateIntro: '只提交修改过的内容；档案记录每项修改前后的内容和原因（R-DEV-1）。',
    products: '意向产品（用顿号或逗号分隔）',
    reason: '修改原因',
    save: '保存修改',
    saved: '目标客户档案已修改。',
    noChange: '没有任何变更：请修改至少一项内容',
    convertTitle: '转为开户申请',
    convertIntro: '为该企业开立的开户申请须已提交或已批准，且该企业尚不是公司客户（R-DEV-1、DEV-DUPLICATE）。',
    chooseApplication: '开户申请',
    pickOne: '请选择',
    noApplications: '暂无可关联的开户申请：请先为该企业填写并提交开户申请。',
    convert: '转为开户申请',
    converted: '目标客户已转为开户申请。',
    dropTitle: '放弃跟进',
    dropIntro: '放弃后该目标客户不再跟进，且不能恢复（R-DEV-1）。',
    dropReasonLabel: '放弃原因',
    drop: '放弃跟进',
    dropConfirm: '确认放弃跟进“{name}”？放弃后不能恢复。',
    dropConfirmButton: '确认放弃',
    dropped: '已放弃跟进该目标客户。',
    empty: '（空）',
  },
  en: {
    back: 'Back to the prospects',
    manager: 'Customer manager',
    creditCode: 'Unified social credit code',
    legalRepresentative: 'Legal representative',
    notes: 'Notes',
    application: 'Onboarding application',
    dropReason: 'Reason for dropping',
    history: 'Changes',
    historyNone: 'No changes since registration.',
    'field.companyName': 'Company',
    'field.identifiers': 'Identifiers',
    'field.region': 'Region',
    'field.productsOfInterest': 'Products of interest',
    'field.estimatedTonnesPerYear': 'Estimated tonnes a year',
    'field.source': 'Source',
    'field.notes': 'Notes',
    updated: '{by} changed on {at}: {fields}. Reason: {reason}',
    changedFrom: '{field} from “{before}” to “{after}”',
    convertedLine: '{by} converted it on {at} into an onboarding application ({company})',
    droppedLine: '{by} dropped it on {at}. Reason: {reason}',
    updateTitle: 'Change the prospect archive',
    updateIntro: 'Only what you edit is sent; the archive keeps each change before and after, with the reason (R-DEV-1).',
    products: 'Products of interest (separated by commas)',
    reason: 'Reason for the change',
    save: 'Save the change',
    saved: 'The prospect archive was changed.',
    noChange: 'Nothing changed: edit at least one field',
    convertTitle: 'Convert into an onboarding application',
    convertIntro: 'The application opened for this company must be submitted or approved, and the company must not be a customer yet (R-DEV-1, DEV-DUPLICATE).',
    chooseApplication: 'Onboarding application',
    pickOne: 'Choose one',
    noApplications: 'No application to link: fill in and submit an onboarding application for this company first.',
    convert: 'Convert',
    converted: 'The prospect was converted into an onboarding application.',
    dropTitle: 'Drop the prospect',
    dropIntro: 'A dropped prospect is no longer followed and cannot be taken up again (R-DEV-1).',
    dropReasonLabel: 'Reason for dropping',
    drop: 'Drop the prospect',
    dropConfirm: 'Drop “{name}”? This cannot be undone.',
    dropConfirmButton: 'Drop it',
    dropped: 'The prospect was dropped.',
    empty: '(empty)',
  },
});

/** R-DEV-1: one prospect archive with every change; its keeper updates it, the keeper or the sales department converts or drops it. */
export function ProspectDetail({ id }: { id: string }) {
  const { t, lang } = useProspectT();
  const { t: dt } = useDevelopmentT();
  const { t: gt } = useI18n();
  const { api, session } = useSignedIn();
  const [view, setView] = useState<ProspectView | null>(null);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const names = useNames([view?.archive.customerManagerId, ...(view?.history.map((h) => h.by) ?? [])]);

  const load = useCallback(async () => {
    try { setView(await api.get<ProspectView>(`/prospects/${encodeURIComponent(id)}`)); setError(null); } catch (e) { setError(describeError(e, gt)); }
  }, [api, gt, id]);
  useEffect(() => void load(), [load, version]);
  const done = (note: string) => { setNotice(note); setVersion((v) => v + 1); };

  const a = view?.archive;
  const keeper = hasAnyRole(session.user, ['customer_manager']);
  const closer = hasAnyRole(session.user, ['customer_manager', 'sales_reviewer']);
  return (
    <article className="stack" data-testid="prospect-detail">
      <ErrorAlert error={error} />
      {notice ? <p role="status" className="alert alert-success" data-testid="prospect-notice">{notice}</p> : null}
      {view && a ? (
        <>
          <section className="card" aria-labelledby="prospect-title">
            <div className="card-header">
              <h2 id="prospect-title">{a.companyName}</h2>
              <span className={`badge ${view.state === 'active' ? 'badge-primary' : 'badge-muted'}`} data-state={view.state}>{labelFor(dt, 'prospect', view.state)}</span>
            </div>
            <dl className="kv kv-columns">
              {a.identifiers.creditCode ? <><dt>{t('creditCode')}</dt><dd className="mono">{a.identifiers.creditCode}</dd></> : null}
              {a.identifiers.legalRepresentative ? <><dt>{t('legalRepresentative')}</dt><dd>{a.identifiers.legalRepresentative}</dd></> : null}
              <dt>{dt('region')}</dt><dd>{a.region}</dd>
              <dt>{dt('products')}</dt><dd>{a.productsOfInterest.join('、')}</dd>
              <dt>{dt('tonnes')}</dt><dd>{a.estimatedTonnesPerYear ?? '—'}</dd>
              <dt>{dt('source')}</dt><dd>{labelFor(dt, 'source', a.source)}</dd>
              <dt>{t('manager')}</dt><dd>{personLabel(names, a.customerManagerId, lang)}</dd>
              {a.notes ? <><dt>{t('notes')}</dt><dd className="prewrap">{a.notes}</dd></> : null}
              {a.dropReason ? <><dt>{t('dropReason')}</dt><dd>{a.dropReason}</dd></> : null}
            </dl>
          </section>
          <History view={view} names={names} />
          {view.state === 'active' && keeper ? <UpdateForm key={`u${view.history.length}`} id={id} archive={a} onDone={() => done(t('saved'))} /> : null}
          {view.state === 'active' && closer ? <ConvertForm key={`c${version}`} id={id} companyName={a.companyName} onDone={() => done(t('converted'))} /> : null}
          {view.state === 'active' && closer ? (
            <section className="card">
              <CommandCard key={`d${version}`} title={t('dropTitle')} intro={t('dropIntro')} fields={[{ name: 'reason', label: t('dropReasonLabel'), kind: 'textarea' }]}
                body={(v) => ({ reason: v('reason').trim() })} schema={DropProspect.strict()}
                call={(body) => api.post<CommandAnswer>(`/prospects/${encodeURIComponent(id)}/drop`, body)}
                confirm={{ question: t('dropConfirm', { name: a.companyName }), label: t('dropConfirmButton') }}
                submitLabel={t('drop')} success={null} onDone={() => done(t('dropped'))} />
            </section>
          ) : null}
        </>
      ) : null}
    </article>
  );
}

function History({ view, names }: { view: ProspectView; names: ReturnType<typeof useNames> }) {
  const { t, lang } = useProspectT();
  const { t: dt } = useDevelopmentT();
  const [apps, setApps] = useState<Application[]>([]);
  const { api } = useSignedIn();
  const converted = view.history.some((h) => h.type === 'ProspectConverted');
  useEffect(() => { if (converted) api.get<{ items: Application[] }>('/applications', { limit: 100 }).then((p) => setApps(p.items), () => setApps([])); }, [api, converted]);
  const shown = (field: Field, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('empty');
    if (field === 'source') return labelFor(dt, 'source', String(value));
    if (Array.isArray(value)) return value.join('、');
    if (typeof value === 'object') return Object.values(value as Record<string, string>).join(' · ');
    return String(value);
  };
  const line = (h: HistoryEntry): string => {
    const common = { by: personLabel(names, h.by, lang), at: formatInstant(h.at) };
    if (h.type === 'ProspectUpdated') {
      const fields = (Object.entries(h.changes) as Array<[Field, { before: unknown; after: unknown }]>).map(([f, c]) => t('changedFrom', { field: t(`field.${f}`), before: shown(f, c.before), after: shown(f, c.after) }));
      return t('updated', { ...common, fields: fields.join(lang === 'en' ? '; ' : '；'), reason: h.reason });
    }
    if (h.type === 'ProspectConverted') return t('convertedLine', { ...common, company: apps.find((x) => x.applicationId === h.applicationId)?.companyName ?? view.archive.companyName });
    return t('droppedLine', { ...common, reason: h.reason });
  };
  return (
    <section className="card" aria-labelledby="prospect-history">
      <h2 id="prospect-history">{t('history')}</h2>
      {view.history.length === 0 ? <p className="empty">{t('historyNone')}</p> : <ul data-testid="prospect-history-list">{view.history.map((h, i) => <li key={i} data-type={h.type}>{line(h)}</li>)}</ul>}
    </section>
  );
}

const listOf = (text: string) => text.split(/[,，、;；\n]/).map((s) => s.trim()).filter(Boolean);

function UpdateForm({ id, archive, onDone }: { id: string; archive: Archive; onDone(): void }) {
  const { t } = useProspectT();
  const { t: dt } = useDevelopmentT();
  const { api } = useSignedIn();
  const initial: Record<string, string> = {
    'changes.companyName': archive.companyName, 'changes.identifiers.creditCode': archive.identifiers.creditCode ?? '', 'changes.identifiers.legalRepresentative': archive.identifiers.legalRepresentative ?? '',
    'changes.region': archive.region, 'changes.productsOfInterest': archive.productsOfInterest.join('、'),
    'changes.estimatedTonnesPerYear': archive.estimatedTonnesPerYear === null ? '' : String(archive.estimatedTonnesPerYear), 'changes.source': archive.source, 'changes.notes': archive.notes ?? '', reason: '',
  };
  const form = useRecordForm(initial, { wording: RECORD_WORDING });

  function changes(): Record<string, unknown> {
    const v = (name: string) => form.value(`changes.${name}`).trim();
    const out: Record<string, unknown> = {};
    if (v('companyName') !== archive.companyName) out.companyName = v('companyName');
    const identifiers = Object.fromEntries(Object.entries({ creditCode: v('identifiers.creditCode'), legalRepresentative: v('identifiers.legalRepresentative') }).filter(([, x]) => x !== ''));
    if (JSON.stringify(identifiers) !== JSON.stringify(Object.fromEntries(Object.entries(archive.identifiers).filter(([, x]) => x)))) out.identifiers = identifiers;
    if (v('region') !== archive.region) out.region = v('region');
    const products = listOf(v('productsOfInterest'));
    if (products.join('\u0000') !== archive.productsOfInterest.join('\u0000')) out.productsOfInterest = products;
    const tonnes = v('estimatedTonnesPerYear') === '' ? null : Number(v('estimatedTonnesPerYear'));
    if (tonnes !== archive.estimatedTonnesPerYear) out.estimatedTonnesPerYear = tonnes;
    if (v('source') !== archive.source) out.source = v('source');
    if (v('notes') !== (archive.notes ?? '')) out.notes = v('notes');
    return out;
  }

  async function submit() {
    const body = { changes: changes(), reason: form.value('reason').trim() };
    const none: Record<string, string> = Object.keys(body.changes).length === 0 ? { 'changes.companyName': t('noChange') } : {};
    if (!form.check(UpdateProspect.strict(), body, none)) return;
    const answer = await form.send(() => api.post<CommandAnswer>(`/prospects/${encodeURIComponent(id)}/update`, body), () => t('saved'));
    if (answer) onDone();
  }

  return (
    <section className="card">
      <RecordFormFrame title={t('updateTitle')} intro={t('updateIntro')} onSubmit={() => void submit()}>
        <div className="form-row">
          <RecordField form={form} name="changes.companyName" label={dt('company')} />
          <RecordField form={form} name="changes.region" label={dt('region')} narrow />
          <RecordField form={form} name="changes.source" label={dt('source')} kind="select" narrow options={SOURCES.map((s) => ({ value: s, label: labelFor(dt, 'source', s) }))} />
        </div>
        <div className="form-row">
          <RecordField form={form} name="changes.identifiers.creditCode" label={dt('creditCode')} />
          <RecordField form={form} name="changes.identifiers.legalRepresentative" label={dt('legalRepresentative')} />
        </div>
        <div className="form-row">
          <RecordField form={form} name="changes.productsOfInterest" label={t('products')} />
          <RecordField form={form} name="changes.estimatedTonnesPerYear" label={dt('tonnesOptional')} kind="number" narrow />
        </div>
        <RecordField form={form} name="changes.notes" label={dt('notes')} kind="textarea" />
        <RecordField form={form} name="reason" label={t('reason')} kind="textarea" />
        <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('save')}</button></div>
        <FormOutcome form={form} />
      </RecordFormFrame>
    </section>
  );
}

const OPEN = new Set(['in_review', 'returned', 'approved', 'draft']);

function ConvertForm({ id, companyName, onDone }: { id: string; companyName: string; onDone(): void }) {
  const { t, lang } = useProspectT();
  const { t: l } = useOnboardingLabels();
  const { api } = useSignedIn();
  const [apps, setApps] = useState<Application[] | null>(null);
  useEffect(() => { api.get<{ items: Application[] }>('/applications', { limit: 100 }).then((p) => setApps(p.items.filter((x) => OPEN.has(x.status))), () => setApps([])); }, [api]);
  if (apps === null) return null;
  const same = apps.find((x) => x.companyName === companyName);
  return (
    <section className="card" data-testid="prospect-convert">
      {apps.length === 0 ? (
        <><h3>{t('convertTitle')}</h3><p className="empty">{t('noApplications')}</p></>
      ) : (
        <CommandCard title={t('convertTitle')} intro={t('convertIntro')} initial={{ applicationId: same?.applicationId ?? '' }}
          fields={[{ name: 'applicationId', label: t('chooseApplication'), kind: 'select', options: [{ value: '', label: t('pickOne') }, ...apps.map((x) => ({ value: x.applicationId, label: lang === 'en' ? `${x.companyName} (${labelOr(l, `status.${x.status}`)})` : `${x.companyName}（${labelOr(l, `status.${x.status}`)}）` }))] }]}
          body={(v) => ({ applicationId: v('applicationId') })} schema={MarkProspectConverted.strict()}
          call={(body) => api.post<CommandAnswer>(`/prospects/${encodeURIComponent(id)}/convert`, body)}
          submitLabel={t('convert')} success={null} onDone={onDone} />
      )}
    </section>
  );
}
