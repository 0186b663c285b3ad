/** The header and foot of 走访客户报告单 (R-VISIT-2, ADR 0025), signed on the day of the visit. */
export const visitForm = (signedOn: string) => ({
  customerName: '宁波塑料厂', address: '宁波市镇海区化工路 1 号', legalRepresentative: '张三',
  contacts: [{ role: 'principal', name: '张三', title: '厂长', mobile: '13800000000' }],
  signature: { sealed: true, signedOn },
});
