/**
 * A person's name as screens show it beside their role: the demo users carry their role in English
 * after the name ('王经理 (customer manager)'), and the role is worded by whoever shows it.
 */
export const displayNameOf = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, '') || name;
