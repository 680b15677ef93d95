import { mapStacksToSources } from '../core/source-mapped-stacks.js'
import { exitWhenOutputCloses } from '../core/closed-output.js'
import { run } from './main.js'

mapStacksToSources()
// A run whose log is gone is cut short, not a success.
exitWhenOutputCloses(1)
// Not awaited at the top level: the model layer's chunk imports code it shares with this one, and a
// module still waiting on a top-level await cannot be imported; the event loop keeps the run going.
void run()
