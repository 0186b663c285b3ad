import { contentDisposition } from './content-disposition';

describe('Content-Disposition with the original name (RFC 6266, RFC 5987)', () => {
  it('offers a Chinese name as filename* in UTF-8 and an ASCII fallback', () => {
    const header = contentDisposition('营业执照（副本）.pdf', false);
    expect(header).toBe(`attachment; filename="________.pdf"; filename*=UTF-8''${encodeURIComponent('营业执照（副本）.pdf')}`);
  });

  it('cannot be broken out of by quotes, backslashes or semicolons in the name', () => {
    const header = contentDisposition('a";b\\c\'(d).pdf', true);
    expect(header).toBe(`inline; filename="a__b_c'(d).pdf"; filename*=UTF-8''a%22%3Bb%5Cc%27%28d%29.pdf`);
  });
});
