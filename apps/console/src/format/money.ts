/** A price kept in fen, as yuan with two decimals (8,000.00). */
export const yuan = (fen: number): string => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
