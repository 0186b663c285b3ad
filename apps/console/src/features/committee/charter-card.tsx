import { type CommitteeCharter, CommitteeCharter as CharterSchema, DecisionRule } from '@crm/committee';
import { hasAnyRole } from '../../auth/session';
import { useSignedIn } from '../../auth/session.context';
import { FormOutcome, RecordField, RecordFormFrame } from '../customers/records/record-fields';
import { numberOf } from '../customers/records/record-roles';
import { personLabel, useNames } from '../record-kit/names';
import { type CommandAnswer, useRecordForm } from '../record-kit/use-record-form';
import { COMMITTEE_WORDING } from './committee-view';
import { type CommitteeT, useCommitteeT } from './committee.messages';
import { PickerField } from './picker-field';

export const ruleWords = (t: CommitteeT, rule: string) => t(`rule.${rule}` as 'rule.unanimous');

/** 篇5 委员会章程: who sits on the committee, who chairs it, how it decides; an administrator publishes a new version. */
export function CharterCard({ charter, onPublished }: { charter: CommitteeCharter | null; onPublished(position: number): void }) {
  const { t, lang } = useCommitteeT();
  const { session } = useSignedIn();
  const names = useNames([...(charter?.members ?? []), charter?.chairId]);
  return (
    <section className="card" aria-labelledby="charter-title" data-testid="committee-charter">
      <h2 id="charter-title">{t('charterTitle')}</h2>
      {charter ? (
        <dl className="kv">
          <dt>{t('charterVersion')}</dt><dd>{charter.version}</dd>
          <dt>{t('chair')}</dt><dd>{personLabel(names, charter.chairId, lang)}</dd>
          <dt>{t('members')}</dt><dd>{charter.members.map((m) => personLabel(names, m, lang)).join(lang === 'en' ? ', ' : '、')}</dd>
          <dt>{t('quorum')}</dt><dd>{t('quorumN', { n: charter.quorum })}</dd>
          <dt>{t('decisionRule')}</dt><dd>{ruleWords(t, charter.decisionRule)}</dd>
          <dt>{t('authorityBound')}</dt><dd>{t('authorityBoundText', { n: charter.authorityBoundPercent })}</dd>
        </dl>
      ) : <p className="empty">{t('charterNone')}</p>}
      {hasAnyRole(session.user, ['administrator']) ? <CharterForm charter={charter} onPublished={onPublished} /> : null}
    </section>
  );
}

function initialOf(c: CommitteeCharter | null): Record<string, string> {
  if (!c) return { decisionRule: 'majority_of_members' };
  return { version: '', members: c.members.join(','), chairId: c.chairId, quorum: String(c.quorum), decisionRule: c.decisionRule, authorityBoundPercent: String(c.authorityBoundPercent) };
}

function CharterForm({ charter, onPublished }: { charter: CommitteeCharter | null; onPublished(position: number): void }) {
  const { t } = useCommitteeT();
  const { api } = useSignedIn();
  const form = useRecordForm(initialOf(charter), { wording: COMMITTEE_WORDING, draft: 'committee/charter' });

  async function submit() {
    const body = {
      version: form.value('version'), members: form.value('members').split(',').filter(Boolean), chairId: form.value('chairId'),
      quorum: numberOf(form.value('quorum')), decisionRule: form.value('decisionRule'), authorityBoundPercent: numberOf(form.value('authorityBoundPercent')),
    };
    if (!form.check(CharterSchema, body)) return;
    const answer = await form.send(() => api.put<CommandAnswer>('/committee/charter', body), () => t('published', { version: body.version }), { reset: true });
    if (answer) onPublished(answer.position);
  }

  return (
    <RecordFormFrame title={t('editCharter')} intro={t('editCharterIntro')} onSubmit={() => void submit()}>
      <RecordField form={form} name="version" label={t('charterVersion')} narrow />
      <PickerField form={form} name="members" label={t('members')} kind="people" />
      <PickerField form={form} name="chairId" label={t('chair')} kind="person" />
      <div className="form-row">
        <RecordField form={form} name="quorum" label={t('quorum')} kind="number" step="1" narrow />
        <RecordField form={form} name="authorityBoundPercent" label={t('authorityBoundLabel')} kind="number" narrow />
      </div>
      <RecordField form={form} name="decisionRule" label={t('decisionRule')} kind="select" options={DecisionRule.options.map((r) => ({ value: r, label: ruleWords(t, r) }))} />
      <div className="toolbar"><button type="submit" className="button button-primary" disabled={form.busy}>{t('publish')}</button></div>
      <FormOutcome form={form} />
    </RecordFormFrame>
  );
}
