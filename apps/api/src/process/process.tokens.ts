/** The `ReactorRunner` driving every process manager of this service. */
export const REACTOR_RUNNER = Symbol('REACTOR_RUNNER');
