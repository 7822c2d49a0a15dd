/** Thrown from the default branch of an exhaustive switch: the compiler rejects the call if a case was forgotten. */
export class UnreachableCaseError extends Error {
  override name = 'UnreachableCaseError';
  constructor(value: never) {
    super(`unreachable case: ${JSON.stringify(value)}`);
  }
}
