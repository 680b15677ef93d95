import { Agent, type Dispatcher } from 'undici'

/** This machine's own names for itself, as a URL's hostname spells them. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/

export function isLoopback(url: string | URL): boolean {
  return LOOPBACK.test((typeof url === 'string' ? URL.parse(url) : url)?.hostname ?? '')
}

/**
 * `proxied`, except for this machine's own addresses, which go straight (as Go's HTTP clients do): a token
 * that the settings let travel over plain http to localhost never reaches a proxy from the environment.
 */
export function loopbackDirect(proxied: Dispatcher): Dispatcher {
  const direct = new Agent()
  return proxied.compose(
    (dispatch) => (options, handler) =>
      options.origin !== undefined && isLoopback(options.origin)
        ? direct.dispatch(options, handler)
        : dispatch(options, handler),
  )
}
