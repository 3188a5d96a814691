import { defineConfig } from 'wxt';

// The e2e mode exists for one browser quirk: Firefox driven by WebDriver BiDi will not navigate
// to moz-extension:// URLs, so in that build the background opens the panel page in a tab itself.
export default defineConfig({
  // One folder per browser whatever the mode: the e2e build is what the tests and web-ext lint load.
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  // Only the packaging test moves it, so that its build never replaces the e2e build beside it.
  ...(process.env.TEXTO_OUTPUT_DIR ? { outDir: process.env.TEXTO_OUTPUT_DIR } : {}),
  // The sources AMO reviewers rebuild the Firefox package from (docs/store.md): the extension and
  // what builds it, nothing of the server, the tests or the docs.
  zip: {
    includeSources: [
      ...['entrypoints', 'components', 'lib', 'public', 'modules', 'scripts/dictionaries'].map((folder) => `${folder}/**`),
      ...['package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'docs/build-for-amo.md'],
    ],
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'notifications', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'texto@texto.example',
              strict_min_version: '142.0',
              // What goes to the organisation's own Texto server (docs/privacy.md): the agent's
              // username and password, the customers' messages and their phone numbers and names.
              data_collection_permissions: { required: ['authenticationInfo', 'personalCommunications', 'personallyIdentifyingInfo'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
