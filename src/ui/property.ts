/**
 * `@property()` for TypeScript's experimental decorators, the only kind this project compiles: it declares
 * a reactive property exactly as Lit's own decorator does for them (`createProperty`). Lit's module also
 * handles standard decorators and accessors, which this project never uses, at four times the size in
 * the bundle a page loads before play.
 */
import type { PropertyDeclaration, ReactiveElement } from 'lit';

export function property(options?: PropertyDeclaration) {
  return (prototype: ReactiveElement, name: PropertyKey): void => {
    (prototype.constructor as typeof ReactiveElement).createProperty(name, options);
  };
}
