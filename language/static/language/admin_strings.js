// Interface text that vendored admin scripts write in English without asking the
// catalogue (the date picker's "Save Selected", wagtail-localize's "More actions"):
// replaced by the editor's words, which language/wagtail_hooks.py passes in.
(() => {
  const script = document.currentScript;
  const words = script ? JSON.parse(script.dataset.words || '{}') : {};
  if (!Object.keys(words).length) return;
  const relabel = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.trim();
      if (Object.hasOwn(words, text)) node.nodeValue = node.nodeValue.replace(text, words[text]);
    }
  };
  new MutationObserver((records) => {
    records.forEach((record) => {
      if (record.type === 'characterData' && record.target.parentNode) {
        relabel(record.target.parentNode);
      }
      record.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) relabel(node);
        else if (node.nodeType === Node.TEXT_NODE && node.parentNode) relabel(node.parentNode);
      });
    });
  }).observe(document.documentElement, { childList: true, characterData: true, subtree: true });
  relabel(document.body || document.documentElement);
})();
