export { renderPost, type PostOptions } from './render.js'
export { describeFilters, selectPapers, type SelectOptions } from './select.js'
export { cleanText } from './text.js'
