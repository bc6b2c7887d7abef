import { ValidateIf } from 'class-validator';

/**
 * Validates the property only when it is present. Unlike `@IsOptional()`, `null` is still
 * validated (and refused by the other rules): for fields that may be omitted but not cleared.
 */
export const IfPresent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
