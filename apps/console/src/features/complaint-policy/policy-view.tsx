import { formatInstant } from '../../format/shanghai-time';
import { useI18n } from '../../i18n/i18n.context';
import { roleWord } from '../users/person-label';
import { type PolicyVersion, usePolicyT } from './policy.messages';

/** The version in force, in the policy's own terms. */
export function PolicyView({ version }: { version: PolicyVersion }) {
  const { t } = usePolicyT();
  const { lang } = useI18n();
  const p = version.policy;
  const roles = (list: string[], sep = lang === 'en' ? ', ' : '、') => list.map((r) => roleWord(r, lang)).join(sep);
  const since = version.approval ? t('approvedOn', { at: formatInstant(version.approval.decidedAt) }) : version.publishedAt ? t('publishedOn', { at: formatInstant(version.publishedAt) }) : t('shipped');
  return (
    <section className="card" aria-labelledby="policy-current" data-testid="policy-current">
      <h2 id="policy-current" className="section-title">{t('current', { version: p.version })}</h2>
      <p className="hint">{since}</p>
      <dl className="kv">
        <dt>{t('general')}</dt><dd>{t('days', { n: p.deadlines.general })}</dd>
        <dt>{t('major')}</dt><dd>{t('days', { n: p.deadlines.major })}</dd>
        <dt>{t('max')}</dt><dd>{t('days', { n: p.maxWorkingDays })}</dd>
        <dt>{t('warning')}</dt><dd>{t('warningValue', { p: Math.round(p.warningShare * 100) })}</dd>
        <dt>{t('handlers')}</dt><dd>{roles(p.handlerRoles)}</dd>
        <dt>{t('resolvers')}</dt><dd>{roles(p.resolutionApproverRoles)}</dd>
        <dt>{t('extenders')}</dt><dd>{roles(p.extensionApproverRoles, ' → ')}</dd>
      </dl>
    </section>
  );
}

export function PolicyVersions({ versions }: { versions: PolicyVersion[] }) {
  const { t } = usePolicyT();
  return (
    <section className="card card-flush" aria-labelledby="policy-versions">
      <div className="card-header"><h2 id="policy-versions" className="section-title">{t('versions')}</h2></div>
      <table className="data-table" data-testid="policy-versions">
        <thead><tr><th scope="col">{t('version')}</th><th scope="col">{t('inForce')}</th><th scope="col">{t('deadlines')}</th></tr></thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={`${v.policy.version}-${v.position ?? 'shipped'}`}>
              <td>{v.policy.version}</td>
              <td className="nowrap">{v.publishedAt ? formatInstant(v.publishedAt) : t('shipped')}</td>
              <td>{v.policy.deadlines.general} / {v.policy.deadlines.major} / {v.policy.maxWorkingDays}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
