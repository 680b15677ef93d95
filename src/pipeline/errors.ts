/** A run that must fail after inputs were accepted: an empty day under `empty-day: fail`, every paper invalid. */
export class DigestError extends Error {
  override name = 'DigestError'
}
