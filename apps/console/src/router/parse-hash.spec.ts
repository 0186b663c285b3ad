import { parseHash } from './parse-hash';

describe('parseHash', () => {
  it('reads an empty hash as home', () => {
    expect(parseHash('')).toMatchObject({ path: '/', segments: [] });
    expect(parseHash('#/')).toMatchObject({ path: '/', segments: [] });
  });

  it('splits the path into decoded segments and keeps the query apart', () => {
    const location = parseHash('#/customers/%E4%B8%AD%E7%9F%B3%E5%8C%96/documents?expiring=30');
    expect(location.segments).toEqual(['customers', '中石化', 'documents']);
    expect(location.query.get('expiring')).toBe('30');
  });

  it('tolerates a missing leading slash and a malformed escape', () => {
    expect(parseHash('#calendar').path).toBe('/calendar');
    expect(parseHash('#/audit/%E0').segments).toEqual(['audit', '%E0']);
  });
});
