/** Listen's public API, without side effects: import `./define.js` to register the element. */
export { ListenPlayer } from './ui/listen-player.js';
export { RATES } from './ui/speed-select.js';
export type { StringOverrides, Strings } from './ui/strings.js';
export type { Segment } from './article/segment.js';
export type { Engine, EngineChangeReason, EngineEvent, EngineKind, EngineLoadOptions, ListenErrorCode, ListenNoticeCode } from './engines/engine.js';
export type { LoadingReason, PlayerState, PlayerSnapshot } from './player/store.js';
export type {
  ListenEngineChangeDetail,
  ListenPlayerEventMap,
  ListenErrorDetail,
  ListenProgressDetail,
  ListenSegmentChangeDetail,
  ListenStateChangeDetail,
  ListenWordChangeDetail,
} from './player/events.js';
export type { HighlightMode } from './player/playback.js';
export type { ListenExclusiveDetail } from './player/exclusive.js';
export { extractSegments } from './article/extract.js';
export { normaliseText } from './article/walker.js';
export type { ExtractOptions } from './article/extract.js';
export type { SkipReason, Skipped } from './article/judge.js';
export { ListenPlaylist } from './playlist/listen-playlist.js';
export type { PlaylistItem, PlaylistItemState } from './playlist/items.js';
export type { ListenPlaylistErrorCode } from './playlist/fetch-page.js';
export type { ListenItemChangeDetail, ListenPlaylistErrorDetail, ListenPlaylistEventMap } from './playlist/events.js';
export type { PlaylistStrings } from './playlist/strings.js';
