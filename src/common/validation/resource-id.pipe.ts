import { NotFoundException, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/**
 * Path ids are UUIDs; anything else names no resource, so it is a 404 like any unknown id
 * (and never reaches PostgreSQL as a malformed uuid).
 */
export class ResourceIdPipe implements PipeTransform<string, string> {
  constructor(private readonly resource: string) {}

  transform(value: string): string {
    if (!isUUID(value)) throw new NotFoundException(`No ${this.resource} with id ${value.slice(0, 64)}.`);
    return value;
  }
}
