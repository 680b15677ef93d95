import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { PhrasingContent } from 'mdast'
import { abstractContent } from '../../src/digest/abstract-text.js'

/**
 * Abstracts as readers see them: https addresses become links, arXiv's TeX leftovers become text. The
 * real cases are copied from the saved Hugging Face days into fixtures/abstracts/arxiv-leftovers.json.
 */
const REAL = JSON.parse(
  readFileSync(resolve(process.cwd(), '__tests__/fixtures/abstracts/arxiv-leftovers.json'), 'utf8'),
) as Record<string, string>

/** The content written as `text` and `[label](url)`, to compare. */
const shown = (content: PhrasingContent[]) =>
  content
    .map((node) =>
      node.type === 'link'
        ? `[${node.children.map((child) => (child.type === 'text' ? child.value : '')).join('')}](${node.url})`
        : node.type === 'text'
          ? node.value
          : `<${node.type}>`,
    )
    .join('')

const real = (id: string) => shown(abstractContent(REAL[id] as string))

describe('abstractContent, on real abstracts', () => {
  it('links a bare https URL, without the full stop or a bracket it did not open', () => {
    expect(real('2511.08521')).toMatch(
      /multimodal AI systems\. \(\[https:\/\/univa\.online\/\]\(https:\/\/univa\.online\/\)\)$/,
    )
  })

  it('leaves out the punctuation of any script after a bare URL, even with no space after it', () => {
    for (const end of ['…', '”', '」', '。', '），', '.”', '。More', '，and']) {
      expect(shown(abstractContent(`See https://x.example/b${end} next`))).toBe(
        `See [https://x.example/b](https://x.example/b)${end} next`,
      )
    }
  })

  it('reads "{this https URL}" after a link as the link itself', () => {
    expect(real('2511.19900')).toMatch(
      /available at \[https:\/\/github\.com\/aiming-lab\/Agent0\/Agent0-VL\]\(https:\/\/github\.com\/aiming-lab\/Agent0\/Agent0-VL\)\.$/,
    )
    expect(real('2401.14688')).toContain(
      'available at [https://huggingface.co/IDEA-CCNL/Taiyi-Stable-Diffusion-XL-3.5B/](https://huggingface.co/IDEA-CCNL/Taiyi-Stable-Diffusion-XL-3.5B/), fostering',
    )
  })

  it("keeps a \\href's own text, and shows the address where the text is another address", () => {
    expect(real('2511.01937')).toContain(
      'available at [GitHub](https://github.com/MBZUAI-Paris/Frugal-AI), with datasets',
    )
    expect(real('2511.01937')).toContain('models on [Hugging Face](https://huggingface.co/collections/')
    expect(real('2511.07416')).toContain(
      'Visit [the project webpage](https://pointscoder.github.io/PhysWorld%5FWeb/) for details.',
    )
    expect(real('2511.06251')).toContain(
      '[https://zheny2751-dotcom.github.io/webvia.github.io/](https://zheny2751-dotcom.github.io/webvia.github.io/).',
    )
    expect(real('2511.07003')).toMatch(
      /MMT \[https:\/\/github\.com\/NiuTrans\/LMT\]\(https:\/\/github\.com\/NiuTrans\/LMT\)\.$/,
    )
  })

  it('drops TeX: \\emph, {\\it …}, \\allowbreak, and ~ between words, keeping "~" for "about"', () => {
    expect(real('2401.09135')).toContain('empirical study of asynchronous Local-SGD')
    expect(real('2511.06805')).toContain(
      '[https://zheny2751-dotcom.github.io/MathSE.github.io/](https://zheny2751-dotcom.github.io/MathSE.github.io/)',
    )
    expect(real('2401.00849')).toContain('over OpenFlamingo openflamingo.')
    // TeX's escaped specials: `72\%`.
    expect(real('2401.00849')).toContain('utilizing 72% of the available data')
    expect(real('2511.21541')).toContain('Process Reward Feedback Learning (PRFL)')
    expect(real('2401.00448')).toContain('inference demand (~1B requests)')
    expect(real('2401.10404')).toContain('[https://drive.google.com/drive/folders/')
  })
})

describe('abstractContent, on made-up text', () => {
  it.each([
    ['\\emph{a} \\textbf{b} \\textit{c} {\\bf d} {\\em e}', 'a b c d e'],
    ['a\n  b', 'a b'],
    ['see http://plain.example/x.', 'see http://plain.example/x.'],
    ['see http://plain.example/{code}', 'see code (http://plain.example/)'],
    ['(https://a.example/x_(y))', '([https://a.example/x_(y)](https://a.example/x%5F%28y%29))'],
    ['https://a.example/{:onclick=1}', '[:onclick=1](https://a.example/)'],
    ['\\href{javascript:alert(1)}{x}', '\\href{javascript:alert(1)}{x}'],
  ])('%j reads as %j', (abstract, expected) => {
    expect(shown(abstractContent(abstract))).toBe(expected)
  })

  it('shows the address where a label names another, with or without its scheme', () => {
    expect(shown(abstractContent('\\href{https://evil.example/m}{github.com/openai/whisper}'))).toBe(
      '[https://evil.example/m](https://evil.example/m)',
    )
    expect(shown(abstractContent('https://evil.example/y{www.huggingface.co}'))).toBe(
      '[https://evil.example/y](https://evil.example/y)',
    )
    expect(shown(abstractContent('\\href{https://a.example/}{our code}'))).toBe(
      '[our code](https://a.example/)',
    )
  })

  it('links no address with a user name, nor one off the public web, as a project page would not be', () => {
    for (const url of [
      'https://huggingface.co@evil.example/login',
      'https://192.168.0.1/admin',
      'https://localhost/x',
    ]) {
      expect(shown(abstractContent(`see ${url} now`))).toBe(`see ${url} now`)
    }
  })

  it('leaves a link only where safeHttpsUrl accepts the address', () => {
    const links = abstractContent('https://user:pw@ https://[::1 https://ok.example/a b').filter(
      (node) => node.type === 'link',
    )
    expect(links.map((node) => (node.type === 'link' ? node.url : ''))).toEqual(['https://ok.example/a'])
  })
})
