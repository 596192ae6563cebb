// The date picker's apply button, in the editor's language (see language/wagtail_hooks.py).
(() => {
  const script = document.currentScript;
  const label = script && script.dataset.saveSelected;
  if (!label) return;
  const relabel = (root) => {
    root.querySelectorAll('.xdsoft_save_selected').forEach((button) => {
      if (button.textContent !== label) button.textContent = label;
    });
  };
  new MutationObserver((records) => {
    records.forEach((record) => {
      record.addedNodes.forEach((node) => {
        if (node.nodeType === Node.ELEMENT_NODE) relabel(node.parentNode || node);
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  relabel(document);
})();
