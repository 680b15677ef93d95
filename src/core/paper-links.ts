/** A paper's page on Hugging Face; the id is encoded, since it comes from the API. */
export function huggingFacePaperUrl(id: string): string {
  return `https://huggingface.co/papers/${encodeURIComponent(id)}`
}

/** A paper's abstract on arXiv (Hugging Face paper ids are arXiv ids). */
export function arxivAbstractUrl(id: string): string {
  return `https://arxiv.org/abs/${encodeURIComponent(id)}`
}

export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${encodeURIComponent(id)}`
}

/** The discussion under a paper's Hugging Face page. */
export function huggingFaceCommentsUrl(id: string): string {
  return `${huggingFacePaperUrl(id)}#community`
}
