import type { CalendarYear } from './calendar-year.schema';
import cn2024 from './data/cn-2024.json';
import cn2025 from './data/cn-2025.json';
import cn2026 from './data/cn-2026.json';

/**
 * The State Council notices shipped with the library, transcribed from the published texts
 * (see ADR 0003; cross-checked against `chinese-days` in `official-years.spec.ts`):
 * 2024 国办发明电〔2023〕7号, 2025 国办发明电〔2024〕12号, 2026 国办发明电〔2025〕7号.
 * A new year is added here with its JSON file, or at run time through `withYear`.
 */
export const OFFICIAL_YEARS: readonly CalendarYear[] = Object.freeze([cn2024, cn2025, cn2026]);
