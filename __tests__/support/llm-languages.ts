/**
 * What the model stand-in reads of the language a request names, and the plausible text it writes in
 * each of the eleven languages: a summary, a translated title, a TL;DR.
 */
import { LANGUAGE_FACTS, LANGUAGE_TAGS, type LanguageTag } from '../../src/core/languages.ts'

/**
 * The one language whose prompt name the instructions contain, or undefined when they name none or
 * several (`Korean (한국어)` does not contain `Chinese`, and the two Chinese names differ in full).
 */
export function languageNamed(instructions: string): LanguageTag | undefined {
  const named = LANGUAGE_TAGS.filter((tag) => instructions.includes(LANGUAGE_FACTS[tag].promptName))
  return named.length === 1 ? named[0] : undefined
}

interface Texts {
  summary: (topic: string, finding: string) => string
  title: (topic: string) => string
  tldr: (topic: string) => string
}

const TEXTS: Record<LanguageTag, Texts> = {
  en: {
    summary: (topic, finding) =>
      `This paper presents ${topic}. ${finding} The authors show that it improves on earlier methods.`,
    title: (topic) => topic,
    tldr: (topic) =>
      `Today's papers share one theme: models that reason and act better. ${topic} leads the day.`,
  },
  ko: {
    summary: (topic) =>
      `이 논문은 「${topic}」을 다룬다. 저자들은 초록에서 밝힌 문제를 풀기 위한 새로운 방법을 제안한다. 실험을 통해 제안한 방법이 기존 방법보다 효과적임을 보인다.`,
    title: (topic) => `${topic} (한국어 번역)`,
    tldr: (topic) =>
      `오늘의 논문들은 더 잘 추론하고 행동하는 모델이라는 주제를 공유한다. 「${topic}」이 가장 주목받았다.`,
  },
  ja: {
    summary: (topic) =>
      `この論文は「${topic}」を扱う。著者らは要旨で示された問題を解くための新しい手法を提案し、実験によってその手法が従来の手法よりも有効であることを示している。`,
    title: (topic) => `${topic}（日本語訳）`,
    tldr: (topic) =>
      `今日の論文は、よりよく推論し行動するモデルという共通のテーマを持つ。「${topic}」が最も注目された。`,
  },
  'zh-CN': {
    summary: (topic) =>
      `本文研究「${topic}」。作者提出了一种新的方法来解决摘要中提出的问题，这个方法在多个实验中表现得比以前的方法更好，也说明了数据和训练的作用。`,
    title: (topic) => `${topic}（中文翻译）`,
    tldr: (topic) =>
      `今天的论文有一个共同的主题：能更好地推理和行动的模型。「${topic}」最受关注，这个方向的数据也越来越多。`,
  },
  'zh-TW': {
    summary: (topic) =>
      `本文研究「${topic}」。作者提出了一種新的方法來解決摘要中提出的問題，這個方法在多個實驗中表現得比以前的方法更好，也說明了數據和訓練的作用。`,
    title: (topic) => `${topic}（中文翻譯）`,
    tldr: (topic) =>
      `今天的論文有一個共同的主題：能更好地推理和行動的模型。「${topic}」最受關注，這個方向的數據也越來越多。`,
  },
  es: {
    summary: (topic) =>
      `Este artículo presenta ${topic}. Los autores proponen un método nuevo para la tarea y muestran que mejora los resultados de los métodos anteriores.`,
    title: (topic) => `${topic} (traducción)`,
    tldr: (topic) =>
      `Los artículos del día comparten un tema: modelos que razonan y actúan mejor. ${topic} es el más votado.`,
  },
  fr: {
    summary: (topic) =>
      `Cet article présente ${topic}. Les auteurs proposent une méthode nouvelle et montrent que les résultats sont meilleurs dans les tâches étudiées.`,
    title: (topic) => `${topic} (traduction)`,
    tldr: (topic) =>
      `Les articles du jour partagent un thème : des modèles qui raisonnent et agissent mieux. ${topic} est le plus suivi.`,
  },
  de: {
    summary: (topic) =>
      `Dieser Artikel stellt ${topic} vor. Die Autoren schlagen eine neue Methode vor und zeigen, dass sie die Ergebnisse auf den Aufgaben verbessert.`,
    title: (topic) => `${topic} (Übersetzung)`,
    tldr: (topic) =>
      `Die Arbeiten des Tages teilen ein Thema: Modelle, die besser schließen und handeln. ${topic} ist die meistbeachtete.`,
  },
  'pt-BR': {
    summary: (topic) =>
      `Este artigo apresenta ${topic}. Os autores propõem um método novo e mostram que ele melhora os resultados em uma tarefa para a área.`,
    title: (topic) => `${topic} (tradução)`,
    tldr: (topic) =>
      `Os artigos do dia compartilham um tema: modelos que raciocinam e agem melhor. ${topic} é o mais votado.`,
  },
  ru: {
    summary: (topic) =>
      `В этой статье рассматривается «${topic}». Авторы предлагают новый метод и показывают, что он работает лучше прежних подходов на нескольких задачах.`,
    title: (topic) => `${topic} (перевод)`,
    tldr: (topic) =>
      `Статьи дня объединяет одна тема: модели, которые лучше рассуждают и действуют. Больше всего голосов у «${topic}».`,
  },
  vi: {
    summary: (topic) =>
      `Bài báo này trình bày ${topic}. Các tác giả đề xuất một phương pháp mới và cho thấy nó tốt hơn các phương pháp trước trong các thử nghiệm.`,
    title: (topic) => `${topic} (bản dịch)`,
    tldr: (topic) =>
      `Các bài báo trong ngày có chung một chủ đề: các mô hình suy luận và hành động tốt hơn. ${topic} được chú ý nhất.`,
  },
}

/** The stand-in's texts in `language` (English when the request named none). */
export function textsIn(language: LanguageTag | undefined): Texts {
  return TEXTS[language ?? 'en']
}
