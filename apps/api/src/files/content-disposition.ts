/**
 * `Content-Disposition` carrying the original name (RFC 6266): an ASCII `filename` for old
 * clients (anything else replaced by `_`) and `filename*` in UTF-8 (RFC 5987/8187), which every
 * current browser prefers, so 营业执照.pdf downloads as 营业执照.pdf.
 */
export function contentDisposition(name: string, inline: boolean): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
