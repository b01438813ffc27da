/**
 * The Vue and Svelte Vite plugins as the apps configure them. Vue must be told `<listen-player>` is a custom
 * element (else it warns "Failed to resolve component" and looks for a Vue component of that name); Svelte 5
 * needs nothing.
 */
import type { PluginOption } from 'vite';

export async function vuePlugin(): Promise<PluginOption> {
  const { default: vue } = await import('@vitejs/plugin-vue');
  return vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'listen-player' } } });
}

export async function sveltePlugin(): Promise<PluginOption> {
  const { svelte } = await import('@sveltejs/vite-plugin-svelte');
  return svelte();
}
