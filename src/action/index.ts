import { mapStacksToSources } from '../core/source-mapped-stacks.js'
import { run } from './main.js'

mapStacksToSources()
// Not awaited at the top level: the model layer's chunk imports code it shares with this one, and a
// module still waiting on a top-level await cannot be imported; the event loop keeps the run going.
void run()
