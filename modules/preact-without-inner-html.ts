import { addViteConfig, defineWxtModule } from 'wxt/modules';

/**
 * Texto never renders HTML strings (customer text is data; lint forbids dangerouslySetInnerHTML),
 * so the only `innerHTML` write in the bundle is Preact's own dangerouslySetInnerHTML branch.
 * This removes that branch at build time: the feature throws instead of writing markup, and the
 * Firefox build passes `web-ext lint` without an UNSAFE_VAR_ASSIGNMENT warning. If a Preact
 * upgrade changes the code so the patterns no longer match, the build fails here rather than
 * quietly shipping the branch again.
 */
const WRITE = /\((\w+)\.innerHTML=(\w+)\.__html\)/;
const COMPARE = /\|\|\w+\.__html==\w+\.innerHTML/;

export default defineWxtModule({
  name: 'preact-without-inner-html',
  setup(wxt) {
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'texto:preact-without-inner-html',
          transform(code: string, id: string) {
            if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
            if (!WRITE.test(code) || !COMPARE.test(code)) {
              throw new Error('preact-without-inner-html: Preact changed; update the patterns in modules/preact-without-inner-html.ts');
            }
            return code
              .replace(COMPARE, '')
              .replace(WRITE, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Texto")})()');
          },
        },
      ],
    }));
  },
});
