// The throttling plugin uses Bottleneck's light build, which ships no types of its own.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}

// Two of undici's own modules, imported one by one (see source/huggingface.ts), with undici's types. undici
// has no exports map, so these paths resolve; package.json pins its version and the tests use both.
declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici'
  export default function request(
    this: Dispatcher,
    options: Dispatcher.RequestOptions,
  ): Promise<Dispatcher.ResponseData>
}
declare module 'undici/lib/global.js' {
  export { getGlobalDispatcher } from 'undici'
}
