/** The id is encoded: it comes from the API. */
export function huggingFacePaperUrl(id: string): string {
  return `https://huggingface.co/papers/${encodeURIComponent(id)}`
}

export function arxivAbstractUrl(id: string): string {
  return `https://arxiv.org/abs/${encodeURIComponent(id)}`
}

export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${encodeURIComponent(id)}`
}

export function huggingFaceCommentsUrl(id: string): string {
  return `${huggingFacePaperUrl(id)}#community`
}
