/** The options are for tests: the render command bundles its own entries in this project. */
export interface BundleOptions {
  /** Project folder (tsconfig.json, package.json, node_modules). */
  readonly root?: string;
  /** Where the bundles are kept (default: node_modules/.cache/listen-render/ under root). */
  readonly cacheDir?: string;
  /** Entry modules, by name, relative to root. */
  readonly entries?: Readonly<Record<string, string>>;
  /** Packages left out of the bundle, imported from node_modules at run time. */
  readonly external?: readonly string[];
}

/** The file URL of each entry's bundled module; bundles them first when anything they are made from changed. */
export function loadBundle(options?: BundleOptions): Promise<Record<string, string>>;
