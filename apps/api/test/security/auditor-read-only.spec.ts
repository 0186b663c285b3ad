import { assertAuditorMayCall } from '../../src/auth/auditor-read-only';

describe('AUDITOR-READ-ONLY rule (unit)', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses %s by an auditor-only caller', (method) => {
    expect(() => assertAuditorMayCall(method, ['auditor'], undefined)).toThrow('auditors read and never change anything');
  });
  it.each(['GET', 'HEAD', 'OPTIONS'])('allows %s', (method) => {
    expect(() => assertAuditorMayCall(method, ['auditor'], undefined)).not.toThrow();
  });
  it('allows an exempted endpoint, and callers with another role besides auditor', () => {
    expect(() => assertAuditorMayCall('POST', ['auditor'], 'own session')).not.toThrow();
    expect(() => assertAuditorMayCall('POST', ['auditor', 'sales_reviewer'], undefined)).not.toThrow();
    expect(() => assertAuditorMayCall('POST', [], undefined)).not.toThrow();
  });
});
