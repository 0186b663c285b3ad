/**
 * A domain event as deciders produce it and machines consume it: `type` + `data`. The engine
 * wraps it with id, actor, correlation, time and versions when it is stored.
 */
export interface DomainEvent<TType extends string = string, TData = Record<string, unknown>> {
  type: TType;
  data: TData;
}

export type AnyDomainEvent = DomainEvent<string, any>;
