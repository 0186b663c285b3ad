import { requiredAdmission, type AdmissionCriterion, type CustomerClass, type ProductLine } from '@crm/onboarding';
import { localMessages } from '../../i18n/local-messages';

const useT = localMessages({
  'zh-CN': {
    legend: '准入条件（R-TIER-6：其他化工产品客户须逐项说明依据）',
    evidence: '{criterion}：依据',
    producer_of_scale: '具有一定规模的生产企业',
    good_funds_and_credit: '资金与信誉良好',
    sound_operation: '经营状况正常',
    honest: '诚信守法',
    well_funded: '资金实力充足',
    good_reputation: '商业信誉良好',
    sells_only_group_products: '只经销本集团产品（独家代理）',
  },
  en: {
    legend: 'Admission criteria (R-TIER-6: other-chemicals customers need evidence for each)',
    evidence: '{criterion}: evidence',
    producer_of_scale: 'A producer of scale',
    good_funds_and_credit: 'Good funds and credit',
    sound_operation: 'Sound operation',
    honest: 'Honest and law-abiding',
    well_funded: 'Well funded',
    good_reputation: 'Good reputation',
    sells_only_group_products: "Sells only the group's products (exclusive agent)",
  },
});

export type Evidence = Partial<Record<AdmissionCriterion, string>>;

export function criteriaFor(productLine: string, cls: { salesObject: string; salesForm: string | null }): AdmissionCriterion[] {
  return requiredAdmission(productLine as ProductLine, cls as CustomerClass);
}

/** The sales reviewer's attestation per admission criterion, one labelled text box each. */
export function AdmissionFields({ criteria, value, onChange }: { criteria: readonly AdmissionCriterion[]; value: Evidence; onChange(next: Evidence): void }) {
  const { t } = useT();
  if (criteria.length === 0) return null;
  return (
    <fieldset>
      <legend>{t('legend')}</legend>
      {criteria.map((c) => (
        <div className="field" key={c}>
          <label htmlFor={`admission-${c}`}>{t('evidence', { criterion: t(c) })}</label>
          <textarea id={`admission-${c}`} rows={2} maxLength={2000} value={value[c] ?? ''} onChange={(e) => onChange({ ...value, [c]: e.target.value })} />
        </div>
      ))}
    </fieldset>
  );
}
