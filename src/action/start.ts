import { exitWhenOutputCloses } from '../core/closed-output.js'
import { run } from './main.js'

// A run whose log is gone is cut short, not a success.
exitWhenOutputCloses(1)
await run()
