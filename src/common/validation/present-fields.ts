/**
 * The fields of a validated DTO that the caller actually sent. DTO class fields exist on every
 * instance (as undefined when absent), so copying a whole DTO onto an entity would blank the
 * fields the caller left out.
 */
export function presentFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}
