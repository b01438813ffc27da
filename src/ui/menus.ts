/** The controls that need an engine, as templates: the voice menu and the download link. */
import { html, nothing } from 'lit';
import type { Engine } from '../engines/engine.js';
import { isAudioEngine, isSpeechEngine } from '../engines/loader.js';
import { isHigherQuality, rankVoices, type RankContext } from '../engines/speech/voices.js';
import type { Strings } from './strings.js';

/** Above this many voices on the device, the menu lists only the article's language (Linux has thousands). */
const ALL_VOICES_LIMIT = 200;

/**
 * The voice menu for Web Speech: a group per language and region, named in the player's language; first the
 * article's language (its regions in the order of their best voice), then, on a modest device, the others by
 * name. Voices are listed best first (`rankVoices`), those the platform marks as better named so.
 */
export function renderVoiceMenu(strings: Strings, engine: Engine | null, lang: string, onChange: (event: Event) => void) {
  if (!isSpeechEngine(engine) || !engine.voices.length) return nothing;
  const current = engine.voice;
  const groups = voiceGroups(engine.voices, lang, strings, engine.voiceContext, current);
  const option = (voice: SpeechSynthesisVoice) => {
    const text = isHigherQuality(voice) ? strings.higherQuality(voice.name) : voice.name;
    return html`<option value=${voice.name} ?selected=${voice === current}>${text}</option>`;
  };
  return html`<label part="voice"
    >${strings.voice}
    <select @change=${onChange}>
      ${groups.map((group) => html`<optgroup label=${group.label}>${group.voices.map(option)}</optgroup>`)}
    </select></label
  >`;
}

export interface VoiceGroup {
  /** The language and region (`en-GB`), or `''` for voices that do not say. */
  readonly lang: string;
  /** Its name in the player's language ("English (United Kingdom)"). */
  readonly label: string;
  /** Best first. */
  readonly voices: readonly SpeechSynthesisVoice[];
}

/** The menu's groups, computed again only when what they depend on changes (the player renders often). */
let lastGroups: { readonly key: readonly unknown[]; readonly groups: readonly VoiceGroup[] } | null = null;

/**
 * The voice menu's groups, as `renderVoiceMenu` lists them. Above `ALL_VOICES_LIMIT` voices, only the article's
 * language, and the group of the `current` voice wherever it is (the menu shows the voice that reads).
 */
export function voiceGroups(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
  strings: Strings,
  context: RankContext = {},
  current: SpeechSynthesisVoice | null = null,
): readonly VoiceGroup[] {
  const key = [voices, lang, strings, context.online, (context.readerLangs ?? []).join(), current];
  if (lastGroups && lastGroups.key.every((part, i) => part === key[i])) return lastGroups.groups;
  const byTag = new Map<string, SpeechSynthesisVoice[]>();
  const add = (voice: SpeechSynthesisVoice) => {
    const tag = groupTag(voice.lang);
    const group = byTag.get(tag);
    if (group) group.push(voice);
    else byTag.set(tag, [voice]);
  };
  const own = rankVoices(voices, lang, context);
  own.forEach(add);
  const ownTags = new Set(byTag.keys());
  const listed = new Set(own);
  const all = voices.length <= ALL_VOICES_LIMIT;
  for (const voice of voices) {
    if (listed.has(voice)) continue;
    if (all || (current && groupTag(voice.lang) === groupTag(current.lang))) add(voice);
  }
  const names = new Intl.DisplayNames([strings.lang], { type: 'language', languageDisplay: 'standard' });
  const regions = new Intl.DisplayNames([strings.lang], { type: 'region' });
  const label = (tag: string) => {
    if (!tag) return strings.otherLanguages;
    try {
      // A region the browser cannot name (Chromium has no names for areas such as `001`, the world, or `029`,
      // the Caribbean) would show as its code: the language alone then.
      const { region } = new Intl.Locale(tag);
      const named = region && regions.of(region) === region ? tag.slice(0, tag.lastIndexOf('-')) : tag;
      return names.of(named) ?? tag;
    } catch {
      return tag;
    }
  };
  const collator = new Intl.Collator(strings.lang);
  const groups = [...byTag].map(([tag, members]) => ({
    lang: tag,
    label: label(tag),
    // The article's groups are already ranked; another language's voices are ranked for that language.
    voices: ownTags.has(tag) || !tag ? members : rankVoices(members, tag, context),
  }));
  // Voices that name no language come last.
  const others = groups
    .filter((group) => !ownTags.has(group.lang))
    .sort((a, b) => Number(!a.lang) - Number(!b.lang) || collator.compare(a.label, b.label));
  const result = [...groups.filter((group) => ownTags.has(group.lang)), ...others];
  lastGroups = { key, groups: result };
  return result;
}

/**
 * The language, script and region of a voice's tag (`en-GB-x-rp` → `en-GB`): variants and private uses read
 * the same language to a listener, and would otherwise make groups of the same name.
 */
function groupTag(lang: string): string {
  const tag = lang.trim().replace(/_/g, '-');
  if (!tag) return '';
  try {
    const locale = new Intl.Locale(tag);
    return [locale.language, locale.script, locale.region].filter(Boolean).join('-');
  } catch {
    return tag;
  }
}

/** A link to the audio file while pre-rendered audio is playing. */
export function renderDownload(strings: Strings, engine: Engine | null) {
  const source = isAudioEngine(engine) ? engine.source : null;
  if (!source) return nothing;
  return html`<a part="download" class="download" href=${source.url} download>${strings.download}</a>`;
}
