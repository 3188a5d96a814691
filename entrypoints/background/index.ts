export default defineBackground(() => {
  void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
});
