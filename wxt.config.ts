import { defineConfig } from 'wxt';

// The e2e mode exists for one browser quirk: Firefox driven by WebDriver BiDi will not navigate
// to moz-extension:// URLs, so in that build the background opens the panel page in a tab itself.
/** Any server an agent may sign in to; the permission is asked for one host at a time. */
const SERVER_HOSTS = ['http://*/*', 'https://*/*'];

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
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'notifications', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The server answers no CORS to the extension: sign-in asks for the host permission on the
    // server the agent types (lib/connection/server-access.ts). Chromium's permission prompt is
    // browser UI no test can click, so its e2e build holds the test servers' host already;
    // Firefox's e2e profile grants optional permissions without a prompt, through the real request.
    ...(browser === 'firefox' ? { optional_permissions: SERVER_HOSTS } : { optional_host_permissions: SERVER_HOSTS }),
    ...(browser !== 'firefox' && mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    action: { default_title: '__MSG_actionTitle__' },
    // What IT may set by policy (docs/managed-settings.md); Firefox takes its policy without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
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
