/** One readable unit of an article: a heading, paragraph, list item or blockquote. */
export interface Segment {
  /** Whitespace-normalised text: what timings and word offsets refer to (spoken as it is, but for a pronunciation lexicon's words). */
  readonly text: string;
  /** The element in the host page that holds this text (highlighted while it is read). */
  readonly element: Element;
  /** BCP 47 language of the element (nearest `lang`), or '' when the page declares none. */
  readonly lang: string;
}
