/** One readable unit of an article: a heading, paragraph, list item or blockquote. */
export interface Segment {
  /** Whitespace-normalised text, exactly what is spoken and what timings refer to. */
  readonly text: string;
  /** The element in the host page that holds this text (highlighted while it is read). */
  readonly element: Element;
  /** BCP 47 language of the element (nearest `lang`), or '' when the page declares none. */
  readonly lang: string;
}
